// Why: checks one run against the feed: answers, gap-free seq, each 201 in the feed once, every answer explained by the model at some point in its window.
import { apply, canon, cloneModel, contentOf, emptyModel, type Model, predict } from "./ops-model";
import type { Posted } from "./ops-runner";
import { expectedViews, serverViews } from "./ops-views";
import type { TestServer } from "./server";

interface FeedRow {
  seq: number;
  id: string;
  type: string;
  community: string;
  payload: Record<string, unknown>;
}

export async function readFeedAfter(s: TestServer, after: number): Promise<FeedRow[]> {
  const rows: FeedRow[] = [];
  let cursor = after;
  for (;;) {
    const page = (await (await s.api(`/api/events?after=${cursor}&limit=1000`)).json()) as { events: FeedRow[]; next: number | null };
    rows.push(...page.events);
    if (page.next === null) return rows;
    cursor = page.next;
  }
}

const show = (p: Posted) =>
  `#${p.sentAt} client ${p.client} ${p.batch ? "batch " : ""}${p.events.map((e) => `${e.type}${e.id ? `[${e.id}]` : ""} ${canon(e.payload)}`).join(" + ")} → ${p.status}`;

/** Fails with the run's trace so a counterexample is readable. */
function fail(what: string, log: Posted[]): never {
  const trace = [...log].sort((a, b) => a.sentAt - b.sentAt).map(show);
  throw new Error(`${what}\n--- trace (logical send order) ---\n${trace.join("\n")}`);
}

const seqsOf = (p: Posted): number[] => (p.status === 201 || p.status === 200 ? p.body.accepted.map((a: { seq: number }) => a.seq) : []);

/**
 * `head0` is the feed head before the run; `log` holds every post of the run, the setup included.
 * Returns the model replayed over the feed, after comparing it with what the server shows.
 */
export async function checkRun(s: TestServer, community: string, head0: number, log: Posted[]): Promise<Model> {
  // 1. Every answer is 201, 200 or 409, with the error model on a 409.
  for (const p of log) {
    if (![200, 201, 409].includes(p.status)) fail(`answer ${p.status} ${JSON.stringify(p.body)} to ${show(p)}`, log);
    if (p.status === 409 && (p.body?.error?.code !== "conflict" || typeof p.body.error.message !== "string"))
      fail(`a 409 without the error model: ${JSON.stringify(p.body)}`, log);
  }
  // 2. The feed after head0 is gap-free and holds exactly the events answered 201, once each, as sent.
  const feed = await readFeedAfter(s, head0);
  feed.forEach((row, i) => {
    if (row.seq !== head0 + i + 1) fail(`feed seq ${row.seq} at position ${i + 1} after ${head0}: a gap or a repeat`, log);
  });
  const head1 = head0 + feed.length;
  const claimed = new Map<number, Posted>();
  for (const p of log) {
    if (p.status !== 201 && p.status !== 200) continue;
    const accepted = p.body.accepted as { id: string; seq: number; duplicate: boolean }[];
    if (accepted.length !== p.events.length) fail(`${accepted.length} accepted for ${p.events.length} events: ${show(p)}`, log);
    accepted.forEach((a, i) => {
      const e = p.events[i]!;
      if (e.id && a.id !== e.id) fail(`accepted id ${a.id} for ${e.id}`, log);
      if (a.duplicate !== (p.status === 200)) fail(`duplicate flag ${a.duplicate} with status ${p.status}: ${show(p)}`, log);
      if (a.duplicate) return;
      if (claimed.has(a.seq)) fail(`seq ${a.seq} answered twice: ${show(p)} and ${show(claimed.get(a.seq)!)}`, log);
      if (i > 0 && a.seq !== accepted[i - 1]!.seq + 1) fail(`a batch's seqs are not consecutive: ${show(p)}`, log);
      claimed.set(a.seq, p);
      const row = feed[a.seq - head0 - 1];
      if (!row) fail(`seq ${a.seq} answered 201 is not in the feed (head ${head1}): ${show(p)}`, log);
      if (row.id !== a.id || row.type !== e.type || row.community !== (e.community ?? community) || canon(row.payload) !== canon(e.payload))
        fail(`feed seq ${a.seq} is ${JSON.stringify(row)}, not what ${show(p)} sent`, log);
    });
  }
  if (claimed.size !== feed.length) fail(`the feed holds ${feed.length} events but ${claimed.size} were answered 201`, log);
  // 3. Replay the feed in seq order: the model must accept every event; keep each state for the windows below.
  const model = emptyModel();
  const states = new Map<number, Model>([[head0, cloneModel(model)]]);
  for (const row of feed) {
    const e = { type: row.type, payload: row.payload, id: row.id, ...(row.community !== community ? { community: row.community } : {}) };
    const why = apply(model, e, row.seq);
    if (why !== null) fail(`the model refuses feed seq ${row.seq} ${row.type} ${canon(row.payload)}: ${why}`, log);
    model.ids.set(row.id, { seq: row.seq, content: contentOf(e) });
    states.set(row.seq, cloneModel(model));
  }
  // 4. Each answer happened at some point of the feed between what was committed before it was sent
  //    and what was sent after it was answered; the model at one such point must give the same answer.
  for (const p of log) {
    let lo = head0;
    let hi = head1;
    for (const q of log) {
      if (q.answeredAt < p.sentAt) lo = Math.max(lo, ...seqsOf(q));
      if (q.sentAt > p.answeredAt && q.status === 201) hi = Math.min(hi, Math.min(...seqsOf(q)) - 1);
    }
    if (p.status === 201) {
      const at = Math.min(...seqsOf(p)) - 1;
      if (at < lo) fail(`${show(p)} got seq ${at + 1}, before seq ${lo} that was answered before it was sent`, log);
      continue;
    }
    const want = p.status === 200 ? "duplicate" : "refused";
    let found = false;
    for (let k = lo; k <= hi && !found; k++) found = predict(states.get(k)!, p.events) === want;
    if (!found) {
      const verdicts = Array.from({ length: hi - lo + 1 }, (_, i) => `${lo + i}:${predict(states.get(lo + i)!, p.events)}`);
      fail(`${show(p)} but the model says ${verdicts.join(" ")} over its window [${lo}, ${hi}]`, log);
    }
    if (p.status === 200 && model.ids.get(p.events[0]!.id!)?.seq !== p.body.accepted[0].seq)
      fail(`duplicate ${show(p)} answered seq ${p.body.accepted[0].seq}, not the original`, log);
  }
  // 5. What the server shows equals the model after the last event.
  const actual = await serverViews(s, community);
  const { seq, ...shown } = actual;
  const expected = expectedViews(model);
  // The snapshot's seq is the community's own last event; the side community's demo may come after it.
  const own = Math.max(head0, ...feed.filter((r) => r.community === community).map((r) => r.seq));
  if (seq !== own) fail(`snapshot seq ${seq}, the community's last event ${own} (feed head ${head1})`, log);
  const diff = (Object.keys(expected) as (keyof typeof expected)[])
    .filter((k) => canon(shown[k]) !== canon(expected[k]))
    .map((k) => `${k}: the server shows ${canon(shown[k])}, the model says ${canon(expected[k])}`);
  if (diff.length > 0) fail(`after the run (feed head ${head1}):\n${diff.join("\n")}`, log);
  return model;
}
