// The day's 24 hours as columns in SVG: when the swabbing happened, at a glance on paper.
const W = 300;
const H = 90;
const AXIS = 12;

export function HourColumns({ title, counts }: { title: string; counts: number[] }) {
  const max = Math.max(1, ...counts);
  const col = W / 24;
  const plot = H - AXIS;
  return (
    <figure data-chart="hours" className="break-inside-avoid">
      <figcaption className="mb-1 text-[10pt] font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="w-full" role="img" aria-label={title}>
        <line x1={0} x2={W} y1={plot} y2={plot} stroke="#94a3b8" strokeWidth={0.5} />
        {counts.map((n, hour) => {
          const h = (plot - 10) * (n / max);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the hour is the column's identity
            <g key={hour} data-hour={hour} data-count={n}>
              <rect x={hour * col + 1.5} y={plot - h} width={col - 3} height={h} fill="#0369a1" />
              {n > 0 && (
                <text x={hour * col + col / 2} y={plot - h - 2} textAnchor="middle" fontSize="7" fill="#0f172a">
                  {n}
                </text>
              )}
              {hour % 3 === 0 && (
                <text x={hour * col + col / 2} y={H - 2} textAnchor="middle" fontSize="8" fill="#475569">
                  {String(hour).padStart(2, "0")}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
