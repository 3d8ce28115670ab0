"use client";
// Why: the console opens on one task at a time; which one is in the address's hash, so a reload (or the back button) keeps it.
import { useSyncExternalStore } from "react";

export const TASKS = ["doors", "duty", "request", "decided", "outbox"] as const;
export type Task = (typeof TASKS)[number];

/** The task each form belongs to: "Fix" on a refused action opens it there. */
const FORM_TASK: Record<string, Task> = {
  doors: "doors",
  tested: "doors",
  result: "doors",
  "check-in": "duty",
  "check-out": "duty",
  request: "request",
  document: "request",
};

export const taskOfForm = (form: string): Task | null => FORM_TASK[form] ?? null;

const isTask = (s: string): s is Task => (TASKS as readonly string[]).includes(s);
const listeners = new Set<() => void>();

function read(): Task {
  const h = window.location.hash.slice(1);
  return isTask(h) ? h : "doors";
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  window.addEventListener("hashchange", fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener("hashchange", fn);
  };
}

/** Shows `task` (the others stay mounted, hidden: their forms keep what was typed and the outbox keeps sending). */
export function showTask(task: Task): void {
  if (read() !== task)
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${window.location.search}#${task}`);
  for (const fn of listeners) fn();
}

/** The task shown; knocking on doors until the volunteer picks another. */
export function useTask(): Task {
  return useSyncExternalStore(subscribe, read, () => "doors");
}
