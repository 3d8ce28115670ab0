/** A ring filled to `share` (0–1), with the percentage in its middle. */
export function ProgressRing({ share, label }: { share: number; label: string }) {
  const r = 42;
  const c = 2 * Math.PI * r;
  const s = Math.min(1, Math.max(0, share));
  return (
    <svg viewBox="0 0 100 100" className="h-auto w-full" role="img" aria-label={label}>
      <circle cx="50" cy="50" r={r} fill="none" stroke="currentColor" strokeWidth="10" className="text-slate-800" />
      <circle
        cx="50"
        cy="50"
        r={r}
        fill="none"
        stroke="currentColor"
        strokeWidth="10"
        strokeLinecap="round"
        strokeDasharray={`${c * s} ${c}`}
        transform="rotate(-90 50 50)"
        className="text-emerald-400"
      />
      <text x="50" y="50" textAnchor="middle" dominantBaseline="central" className="fill-slate-100 text-[22px] font-bold">
        {label}
      </text>
    </svg>
  );
}
