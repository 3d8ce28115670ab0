"use client";
// Why: the desk sees who is outside through the gate now, since when and due back when, the overdue first in red.
import { useEffect, useState } from "react";
import type { Lang } from "../_i18n/dict";
import { PassLine } from "./DecisionQueue";
import { fmtClockDay } from "./wall-format";

interface Outside {
  requestId: string;
  building: string;
  unit: string;
  person: string | null;
  outAt: string;
  returnBy: string | null;
  overdue: boolean;
}

interface PassInside {
  requestId: string;
  kind: string;
  building: string;
  unit: string;
  person: string | null;
  until: string;
  tripHours: number | null;
}

const WORDS = {
  en: {
    title: "Outside now",
    none: "Nobody is outside",
    since: "out since",
    due: "back by",
    noLimit: "no return time",
    overdue: "overdue",
    register: "Release register",
    inside: "Passes back inside, still valid",
  },
  "zh-CN": {
    title: "外出人员",
    none: "目前无人外出",
    since: "出门于",
    due: "须返回",
    noLimit: "返回时间不限",
    overdue: "逾时",
    register: "放行登记簿",
    inside: "已返回、仍有效的通行证",
  },
} as const;

/** Re-read when the feed moves (`seq`) and every 15 s, so an overdue trip turns red without an event. */
export function OutsideList({ seq, now, lang }: { seq: number | undefined; now: number; lang: Lang }) {
  const [list, setList] = useState<Outside[] | null>(null);
  const [inside, setInside] = useState<PassInside[]>([]);
  const tick = Math.floor(now / 15_000);
  useEffect(() => {
    void tick;
    if (seq === undefined) return;
    let live = true;
    fetch("/api/outside", { credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<{ outside: Outside[]; passesInside?: PassInside[] }>) : null))
      .then((b) => {
        if (!live || !b) return;
        setList(b.outside);
        setInside(b.passesInside ?? []);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [seq, tick]);
  const w = WORDS[lang];
  const sorted = [...(list ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <section data-outside-list className="mt-6 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
      <h2 className="mb-2 flex items-baseline justify-between text-lg font-semibold">
        {w.title}
        <a href="/releases" className="text-sm font-normal text-sky-300 underline">
          {w.register}
        </a>
      </h2>
      {list && list.length === 0 && <p className="text-slate-400">{w.none}</p>}
      <ul className="flex flex-col gap-1">
        {sorted.map((o) => (
          <li key={o.requestId} data-outside={o.requestId} data-overdue={o.overdue} className={o.overdue ? "text-red-300" : ""}>
            <span className="font-semibold">
              {o.building} · {o.unit}
            </span>{" "}
            {o.person ?? ""} · {w.since} {fmtClockDay(Date.parse(o.outAt), now, lang)} ·{" "}
            {o.returnBy ? `${w.due} ${fmtClockDay(Date.parse(o.returnBy), now, lang)}` : w.noLimit}
            {o.overdue && <strong className="ml-2">{w.overdue}</strong>}
          </li>
        ))}
      </ul>
      {inside.length > 0 && (
        <>
          <h3 className="mt-3 mb-1 font-semibold">{w.inside}</h3>
          <ul className="flex flex-col gap-2">
            {inside.map((p) => (
              <li key={p.requestId} data-pass-inside={p.requestId}>
                <span className="font-semibold">
                  {p.building} · {p.unit}
                </span>{" "}
                {p.person ?? ""}
                <PassLine pass={p} kind={p.kind} now={now} locale={lang} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
