import type { ReactNode } from "react";

/** One of the wall's four big numbers: a title, the figure, and a line or two of detail. */
export function KpiCard({ title, children, aside, tone }: { title: string; children: ReactNode; aside?: ReactNode; tone?: "alarm" }) {
  return (
    <section
      className={`flex min-h-0 gap-4 rounded-2xl bg-slate-900 p-5 ring-2 ${tone === "alarm" ? "ring-red-400/70" : "ring-slate-800"}`}
    >
      <div className="flex min-w-0 flex-1 flex-col">
        <h2 className="text-xl font-medium text-slate-300">{title}</h2>
        {children}
      </div>
      {aside && <div className="flex w-28 shrink-0 items-center">{aside}</div>}
    </section>
  );
}
