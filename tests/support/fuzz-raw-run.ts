// Why: TRUST1/TRUST2: one runner for the raw-request fuzz, against a server without pages and one with them.
import fc from "fast-check";
import { expect } from "vitest";
import { FC_SEED } from "./fc-options";
import { type RawCase, rawCase, sendRaw } from "./fuzz-lines";
import type { Spawned } from "./spawn";

/** The requests the review reported: each once, before the generated ones. */
export const REPORTED: RawCase[] = [
  "GET //x:99999/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
  "GET http://%zz/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
  "GET //x:99999/api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
  "GET /wall HTTP/1.1\r\nHost: x:99999\r\n\r\n",
  "CONNECT x:99999 HTTP/1.1\r\nHost: x:99999\r\n\r\n",
  "GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
].map((s) => ({ bytes: Buffer.from(s, "latin1"), what: JSON.stringify(s) }));

/**
 * Sends the reported requests and `count` generated ones (seeded), `parallel` at a time, each on its
 * own connection, and expects an HTTP answer to every one within `answerMs`; then the process is
 * alive and its health answers.
 */
export async function fuzzRawRequests(server: Spawned, count: number, answerMs: number, parallel = 8): Promise<void> {
  const port = Number(new URL(server.url).port);
  const cases = [...REPORTED, ...fc.sample(rawCase, { seed: FC_SEED, numRuns: count })];
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length && failures.length < 5) {
      const c = cases[next++]!;
      const r = await sendRaw(port, c.bytes, answerMs);
      if (!r.answered) failures.push(`${c.what}: ${r.how}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  expect(failures, `requests without an answer (seed ${FC_SEED}):\n${failures.join("\n")}\n${server.output().slice(-2000)}`).toEqual([]);
  expect(server.child.exitCode, server.output().slice(-2000)).toBeNull();
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
}
