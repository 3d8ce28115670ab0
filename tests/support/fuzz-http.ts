// Why: sends fuzzed requests and judges the answers: the allowed 4xx, the JSON error model, and no change to the feed or the counts.
import type { Body } from "./fuzz-bodies";
import { ADMIN, type TestServer } from "./server";

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

/** Posts the bytes as they are, with the secretary's token, so the body and not the token is what is judged. */
export async function send(s: TestServer, b: Body, path = "/api/events", method = "POST"): Promise<Answer> {
  const headers = new Headers({ authorization: `Bearer ${ADMIN}` });
  if (b.contentType !== null) headers.set("content-type", b.contentType);
  const data = Buffer.from(typeof b.data === "string" ? new TextEncoder().encode(b.data) : b.data);
  const r = await fetch(`${s.url}${path}`, { method, headers, body: method === "GET" ? undefined : data, redirect: "manual" });
  return { status: r.status, contentType: r.headers.get("content-type"), text: await r.text() };
}

/** What is wrong with an answer to a 4xx case, or null: the status, the JSON error model, and the index of a batch's bad event. */
export function judge(a: Answer, expect: number[], badIndex?: number): string | null {
  if (!expect.includes(a.status)) return `status ${a.status}, expected ${expect.join(" or ")}: ${a.text.slice(0, 300)}`;
  return errorModel(a, badIndex);
}

/** Null when the answer is `{"error":{"code","message","issues"?}}` as JSON; else what is off. */
export function errorModel(a: Answer, badIndex?: number): string | null {
  if (!a.contentType?.startsWith("application/json")) return `content-type ${a.contentType}: ${a.text.slice(0, 200)}`;
  let body: any;
  try {
    body = JSON.parse(a.text);
  } catch {
    return `not JSON: ${a.text.slice(0, 200)}`;
  }
  const e = body?.error;
  if (!e || Object.keys(body).join() !== "error") return `not {"error":…}: ${a.text.slice(0, 200)}`;
  if (typeof e.code !== "string" || !e.code || typeof e.message !== "string" || !e.message)
    return `no code or message: ${a.text.slice(0, 200)}`;
  if (e.issues !== undefined) {
    if (!Array.isArray(e.issues) || e.issues.some((i: any) => typeof i?.path !== "string" || typeof i?.message !== "string"))
      return `malformed issues: ${a.text.slice(0, 200)}`;
  }
  if (
    badIndex !== undefined &&
    !e.message.startsWith(`event ${badIndex}:`) &&
    !e.issues?.some((i: any) => i.path.startsWith(`events[${badIndex}]`))
  )
    return `the error does not name event ${badIndex}: ${a.text.slice(0, 300)}`;
  return null;
}

/** The feed head and the default community's snapshot: what no refused input may change. */
export async function readState(s: TestServer): Promise<string> {
  const health = await fetch(`${s.url}/api/health`);
  if (health.status !== 200) throw new Error(`/api/health answered ${health.status}: ${await health.text()}`);
  const { seq } = (await health.json()) as { seq: number };
  const snap = await s.snapshot();
  return JSON.stringify({ seq, snapshot: snap });
}
