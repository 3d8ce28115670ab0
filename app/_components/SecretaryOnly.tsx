/** What a volunteer or display sees on a secretary's page: the API refused them, the page says why. */
export function SecretaryOnly({ text }: { text: string }) {
  return (
    <div data-secretary-only role="alert" className="mx-auto mt-24 max-w-xl rounded-lg bg-amber-900/40 p-6 text-lg ring-1 ring-amber-500">
      {text}
    </div>
  );
}
