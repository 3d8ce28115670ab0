"use client";
// Why: a volunteer does one thing at a time: the few tasks as big buttons, the one shown marked, what waits on the phone counted.
import { useSyncExternalStore } from "react";
import type { Lang } from "../_i18n/dict";
import { TASK_NAMES } from "../_i18n/tasks";
import { outbox } from "../_live/outbox";
import { showTask, TASKS, type Task } from "./tasks";

export function TaskNav({ lang, task }: { lang: Lang; task: Task }) {
  const box = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
  const waiting = box.entries.filter((e) => e.state !== "sent").length;
  const n = TASK_NAMES[lang];
  return (
    <nav aria-label={n.nav} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      {TASKS.map((t) => (
        <button
          key={t}
          type="button"
          data-task-tab={t}
          aria-pressed={t === task}
          onClick={() => showTask(t)}
          className={`flex min-h-14 items-center justify-center gap-2 rounded-lg px-2 last:col-span-2 sm:last:col-span-1 text-center text-base font-semibold ring-1 ${
            t === task ? "bg-sky-400 text-slate-950 ring-sky-300" : "bg-slate-800 text-white ring-slate-700"
          }`}
        >
          {n[t]}
          {t === "outbox" && waiting > 0 && (
            <span className="rounded-full bg-amber-300 px-2 text-sm text-slate-950" data-task-waiting={waiting}>
              {waiting}
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
