import type { Metadata, Viewport } from "next";
import { ConsoleScreen } from "./ConsoleScreen";

export const metadata: Metadata = {
  title: "Cordon · console",
  // Installable: a phone adds the console to its home screen and opens it without a connection.
  manifest: "/console.webmanifest",
  icons: { icon: "/icons/console.svg", apple: "/icons/console-192.png" },
  appleWebApp: { capable: true, title: "Cordon", statusBarStyle: "black-translucent" },
};

export const viewport: Viewport = { themeColor: "#0f172a", width: "device-width", initialScale: 1 };

export default function ConsolePage() {
  return <ConsoleScreen />;
}
