// A small horizontal bar chart in SVG: crisp on paper, no script needed to draw it, one row per item.
export interface Bar {
  key: string;
  label: string;
  value: number;
}

const ROW = 16;
const LABEL_W = 70;
const VALUE_W = 56;
const WIDTH = 300;

export function BarList({ title, bars, format, empty }: { title: string; bars: Bar[]; format: (v: number) => string; empty: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const track = WIDTH - LABEL_W - VALUE_W;
  return (
    <figure data-chart="bars" className="break-inside-avoid">
      <figcaption className="mb-1 text-[10pt] font-semibold">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="text-[9pt] text-slate-500">{empty}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`} className="w-full" role="img" aria-label={title}>
          {bars.map((b, i) => (
            <g key={b.key} transform={`translate(0 ${i * ROW})`}>
              <text x={LABEL_W - 4} y={ROW / 2 + 3.5} textAnchor="end" fontSize="10" fill="#0f172a">
                {b.label}
              </text>
              <rect x={LABEL_W} y={3} width={track} height={ROW - 6} fill="#e2e8f0" />
              <rect x={LABEL_W} y={3} width={max ? (track * b.value) / max : 0} height={ROW - 6} fill="#0369a1" />
              <text x={WIDTH - VALUE_W + 4} y={ROW / 2 + 3.5} fontSize="10" fill="#0f172a">
                {format(b.value)}
              </text>
            </g>
          ))}
        </svg>
      )}
    </figure>
  );
}
