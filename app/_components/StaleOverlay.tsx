/** Over the last numbers when the server has been silent a minute: they stay readable, greyed, and say how old they are. */
export function StaleOverlay({ text }: { text: string }) {
  return (
    <div data-overlay="expired" className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center bg-red-950/40">
      <div className="rounded-2xl bg-red-900/95 px-10 py-6 text-4xl font-semibold text-red-50 shadow-2xl ring-4 ring-red-400">{text}</div>
    </div>
  );
}
