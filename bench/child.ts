// Why: load generators and clients run in their own processes, so the benchmark process never competes with
// what it measures; this is the small request/answer protocol over Node's IPC channel between the two.
import { type ChildProcess, spawn } from "node:child_process";

type Message = { id: number; op?: string; arg?: unknown; ok?: boolean; value?: unknown; error?: string };

export interface Child {
  pid: number;
  /** Runs `op` in the child and resolves with its answer. */
  call<T = unknown>(op: string, arg?: unknown): Promise<T>;
  /** Ends the child (and waits for it). */
  close(): Promise<void>;
}

const running = new Set<ChildProcess>();
/** Children still alive when the benchmark process exits are killed with it. */
process.on("exit", () => {
  for (const c of running) c.kill("SIGKILL");
});

/** Starts `bench/<file>` under tsx with an IPC channel. */
export function startChild(file: string, env: Record<string, string> = {}): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", `bench/${file}`], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  running.add(proc);
  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const exited = new Promise<void>((resolve) =>
    proc.once("exit", (code, signal) => {
      running.delete(proc);
      for (const w of waiting.values()) w.reject(new Error(`bench/${file} exited (${code ?? signal})`));
      waiting.clear();
      resolve();
    }),
  );
  proc.on("message", (m: Message) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.value);
    else w.reject(new Error(`bench/${file}: ${m.error}`));
  });
  return {
    pid: proc.pid ?? 0,
    call<T>(op: string, arg?: unknown) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        proc.send({ id, op, arg } satisfies Message);
      });
    },
    async close() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.disconnect();
        const timer = setTimeout(() => proc.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** The child's side: answers each op with its handler's result; exits when the parent goes. */
export function serveParent(handlers: Record<string, (arg: any) => unknown>): void {
  process.on("disconnect", () => process.exit(0));
  process.on("message", async (m: Message) => {
    const handler = m.op ? handlers[m.op] : undefined;
    try {
      if (!handler) throw new Error(`unknown op ${m.op}`);
      process.send?.({ id: m.id, ok: true, value: await handler(m.arg) } satisfies Message);
    } catch (err) {
      process.send?.({ id: m.id, ok: false, error: (err as Error).stack ?? String(err) } satisfies Message);
    }
  });
}
