// /gate: the gate volunteer's phone: scan a pass (contract section 8).
import type { Metadata, Viewport } from "next";
import { GateScreen } from "./GateScreen";

export const metadata: Metadata = { title: "Cordon · gate 门岗" };
export const viewport: Viewport = { themeColor: "#0f172a", width: "device-width", initialScale: 1 };

export default function GatePage() {
  return <GateScreen />;
}
