/** Demo data is always marked as such; `large` on the wall, read from across the room. */
export function DemoBanner({ text, large }: { text: string; large?: boolean }) {
  return (
    <div
      data-demo
      className={`bg-fuchsia-700 px-4 py-1 text-center font-semibold tracking-wide text-white ${large ? "text-lg" : "text-sm"}`}
    >
      {text}
    </div>
  );
}
