// Why: how many subscribers one node holds and what each costs: the server's resident memory before and after N
// subscribed sockets (clients in 4 processes; memory read idle, with a tenth, with all), and one change fanned out to
// all of them; the same for bare Socket.IO.
import { readFileSync } from "node:fs";
import { startChild } from "./child";
import { ADMIN, type Engine, now, postEvents, rssKiB, size, sleep, startServer } from "./common";
import { openSubscribers, type Subscribers } from "./subscribers";

export interface Held {
  rssBeforeKiB: number;
  /** With the first tenth of them: (after − this) / (nine tenths) is the cost of one more, without the warm-up. */
  rssTenthKiB: number;
  rssAfterKiB: number;
  connectMs: number;
  /** A change until every subscriber holds it (ms), a few times. */
  fanOut: number[];
}
export interface ManyResult {
  engine: Engine;
  subscribers: number;
  processes: number;
  floor: Held;
  cordon: Held;
}

const PROCESSES = 4;

async function hold(url: string, pid: number, count: number, act: () => Promise<number>): Promise<Held> {
  await sleep(2000);
  const rssBeforeKiB = rssKiB(pid);
  const groups: Subscribers[] = [];
  try {
    const tenth = Math.floor(count / 10);
    groups.push(await openSubscribers(url, ADMIN, tenth, { processes: PROCESSES, wave: 100 }));
    await sleep(2000);
    const rssTenthKiB = rssKiB(pid);
    groups.push(await openSubscribers(url, ADMIN, count - tenth, { processes: PROCESSES, wave: 100 }));
    await sleep(3000);
    const rssAfterKiB = rssKiB(pid);
    const fanOut: number[] = [];
    for (let i = 0; i < size(5, 3); i++) {
      const t = now();
      const seq = await act();
      const at = await Promise.all(groups.map((g) => g.allHold(seq, 60_000)));
      fanOut.push(Math.max(...at) - t);
      await sleep(500);
    }
    return { rssBeforeKiB, rssTenthKiB, rssAfterKiB, connectMs: groups[0]!.connectMs + groups[1]!.connectMs, fanOut };
  } finally {
    for (const g of groups) await g.close();
  }
}

/** The soft limit on open files this process (and so the server and the clients it starts) has. */
const openFileLimit = () =>
  Number(/Max open files\s+(\d+)/.exec(readFileSync("/proc/self/limits", "utf8"))?.[1] ?? Number.POSITIVE_INFINITY);

export async function benchManySubscribers(engine: Engine, count: number, log: (s: string) => void): Promise<ManyResult> {
  // The server holds one descriptor a subscriber, and then some.
  if (openFileLimit() < count + 1000)
    throw new Error(`${count} subscribers need \`ulimit -n\` of at least ${count + 1000} (it is ${openFileLimit()})`);
  log(`${count} subscribers on bare Socket.IO`);
  const bare = startChild("floor-server.ts");
  let floor: Held;
  try {
    const url = `http://127.0.0.1:${await bare.call<number>("start")}`;
    floor = await hold(url, bare.pid, count, async () => {
      const r = (await (await fetch(`${url}/emit`, { method: "POST", body: "{}" })).json()) as { accepted: { seq: number }[] };
      return r.accepted[0]!.seq;
    });
  } finally {
    await bare.close();
  }
  log(`${count} subscribers on one Cordon node (${engine})`);
  const server = await startServer(engine);
  try {
    await postEvents(server.url, [{ type: "building.registered", payload: { buildingId: "b0", label: "1号楼" } }]);
    let n = 0;
    const cordon = await hold(server.url, server.pid, count, () =>
      postEvents(server.url, [{ type: "volunteer.registered", payload: { volunteerId: `m${n++}`, name: "n", skills: [] } }]),
    );
    return { engine, subscribers: count, processes: PROCESSES, floor, cordon };
  } finally {
    await server.dispose();
  }
}
