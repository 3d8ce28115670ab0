import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LANG_BOOT } from "./_i18n/boot";
import "./globals.css";

export const metadata: Metadata = {
  title: "Cordon",
  description: "Live operations board for a neighbourhood under emergency",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed script of ours, run before the first paint */}
        <script dangerouslySetInnerHTML={{ __html: LANG_BOOT }} />
      </head>
      <body className="min-h-full bg-slate-950 text-slate-100 antialiased">{children}</body>
    </html>
  );
}
