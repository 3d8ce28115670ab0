/** Shown instead of data when the browser has no valid session. */
export function SignInNotice({ text }: { text: string }) {
  return (
    <div data-signin className="mx-auto mt-24 max-w-xl rounded-lg bg-slate-800 p-6 text-lg">
      {text}
    </div>
  );
}
