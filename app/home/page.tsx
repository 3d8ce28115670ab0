import type { Metadata, Viewport } from "next";
import { HomeScreen } from "./HomeScreen";

export const metadata: Metadata = { title: "Cordon · 我的住户" };
export const viewport: Viewport = { themeColor: "#0f172a", width: "device-width", initialScale: 1 };

export default function HomePage() {
  return <HomeScreen />;
}
