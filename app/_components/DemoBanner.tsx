/** Demo data is always marked as such. */
export function DemoBanner({ text }: { text: string }) {
  return (
    <div data-demo className="bg-fuchsia-700 px-4 py-1 text-center text-sm font-semibold tracking-wide text-white">
      {text}
    </div>
  );
}
