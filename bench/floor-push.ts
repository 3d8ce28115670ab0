// Why: the HTTP and push floors: the same load generator and the same 200 subscribers as Cordon's figures,
// against a bare node:http + Socket.IO server (bench/floor-server.ts) that does no database work at all.
import { startChild } from "./child";
import { ADMIN, now, size, sleep } from "./common";
import { getTimes, type PostLoad, postLoad } from "./http-load";
import { openSubscribers, type Subscribers } from "./subscribers";

export interface PushFloor {
  /** 32 keep-alive posters against a server that reads the body and answers 201. */
  http: PostLoad;
  /** A GET answered with a small JSON, one after the other. */
  get: number[];
  subscribers: number;
  /** POST start → all subscribers hold the seq it emitted; and emit → all hold it. */
  postToAll: number[];
  emitToAll: number[];
  /** Emit → a single subscriber holds it: what the fan-out to the others adds is emitToAll minus this. */
  emitToOne: number[];
}

export async function pushFloors(subscribers: number): Promise<PushFloor> {
  const server = startChild("floor-server.ts");
  try {
    const url = `http://127.0.0.1:${await server.call<number>("start")}`;
    const http = await postLoad(url, { concurrency: 32, durationMs: size(8000, 3000), warmupMs: 1000 });
    const get = await getTimes(url, "/api/snapshot", 500);
    const emit = async (subs: Subscribers, samples: number) => {
      const post: number[] = [];
      const emitted: number[] = [];
      try {
        for (let i = 0; i < samples; i++) {
          const t0 = now();
          const r = (await (await fetch(`${url}/emit`, { method: "POST", body: "{}" })).json()) as {
            accepted: { seq: number }[];
            emittedAt: number;
          };
          const at = await subs.allHold(r.accepted[0]!.seq);
          post.push(at - t0);
          emitted.push(at - r.emittedAt);
          await sleep(150);
        }
      } finally {
        await subs.close();
      }
      return [post, emitted] as const;
    };
    const [, emitToOne] = await emit(await openSubscribers(url, ADMIN, 1), size(100, 30));
    const [postToAll, emitToAll] = await emit(await openSubscribers(url, ADMIN, subscribers), size(300, 40));
    return { http, get, subscribers, postToAll, emitToAll, emitToOne };
  } finally {
    await server.close();
  }
}
