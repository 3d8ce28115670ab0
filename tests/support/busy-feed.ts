// A feed that touches every projection: every event type, two communities, several writers at once.
import { hoursBefore, smallCompound } from "./fixtures";

type Post = (body: unknown) => Promise<{ status: number; body: any }>;

const ev = (community: string, type: string, payload: object, occurredAt?: string) => ({
  type,
  community,
  payload,
  ...(occurredAt ? { occurredAt } : {}),
});

/** The registry beyond the small compound: 5 buildings, 30 households, 8 volunteers. */
function registry(c: string) {
  const out: object[] = smallCompound(c);
  for (let b = 3; b <= 5; b++) out.push(ev(c, "building.registered", { buildingId: `b${b}`, label: `Building ${b}` }));
  for (let h = 4; h <= 30; h++)
    out.push(ev(c, "household.registered", { householdId: `h${h}`, buildingId: `b${(h % 5) + 1}`, unit: 100 + h, residents: (h % 4) + 1 }));
  for (let v = 3; v <= 8; v++) out.push(ev(c, "volunteer.registered", { volunteerId: `v${v}`, name: `Volunteer ${v}`, skills: [] }));
  return out;
}

/** Posts one event at a time, in order; fails loudly on anything but 201. */
async function inOrder(post: Post, list: object[]): Promise<number[]> {
  const seqs: number[] = [];
  for (const e of list) {
    const r = await post(e);
    if (r.status !== 201) throw new Error(`busy feed: ${JSON.stringify(e)} answered ${r.status} ${JSON.stringify(r.body)}`);
    seqs.push(r.body.accepted[0].seq);
  }
  return seqs;
}

/** Posts the busy feed; throws on any answer but 201. */
export async function postBusyFeed(post: Post): Promise<void> {
  const c = "default";
  for (const community of [c, "north"]) {
    const r = await post({ events: registry(community) });
    if (r.status !== 201) throw new Error(`busy feed registry: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const past = hoursBefore(2);
  const tests = Array.from({ length: 20 }, (_, i) =>
    ev(c, "household.tested", { roundId: "r1", householdId: `h${i + 1}`, residentsTested: 1 }, i < 8 ? past : undefined),
  );
  const [, , positive] = await Promise.all([
    // Writer 1: a round of tests (one household twice), then results.
    inOrder(post, [
      ...tests,
      ev(c, "household.tested", { roundId: "r1", householdId: "h1" }),
      ev(c, "test.result", { roundId: "r1", householdId: "h2", result: "negative" }),
    ]),
    // Writer 2: seals, posts and duty (a post named in Chinese or English is recorded by its id), registry updates.
    inOrder(post, [
      ev(c, "post.registered", { post: "gate", nameZh: "门岗", nameEn: "Gate" }),
      ev(c, "household.updated", {
        householdId: "h2",
        buildingId: "b1",
        unit: "102A",
        residents: 4,
        contact: { name: "Li", phone: "13600136000" },
      }),
      ev(c, "volunteer.updated", { volunteerId: "v4", name: "Volunteer Four", phone: "13500135000", skills: ["gate"] }),
      ev(c, "building.sealed", { buildingId: "b1", reason: "case nearby" }, past),
      ev(c, "building.sealed", { buildingId: "b1", reason: "still" }),
      ev(c, "building.unsealed", { buildingId: "b1" }),
      ev(c, "building.sealed", { buildingId: "b2" }),
      ev(c, "volunteer.checked_in", { volunteerId: "v1", post: "testing" }, past),
      ev(c, "volunteer.checked_in", { volunteerId: "v2", post: "gate" }),
      ev(c, "volunteer.checked_in", { volunteerId: "v3", post: "门岗" }),
      ev(c, "volunteer.checked_in", { volunteerId: "v4", post: "delivery" }),
      ev(c, "volunteer.checked_out", { volunteerId: "v2" }),
      ev(c, "post.minimum_set", { post: "gate", minimum: 2 }),
      ev(c, "post.minimum_set", { post: "Gate", minimum: 3 }),
    ]),
    // Writer 3: a positive result (its seq is the alarm's id).
    inOrder(post, [
      ev(c, "household.tested", { roundId: "r1", householdId: "h25" }),
      ev(c, "test.result", { roundId: "r1", householdId: "h25", result: "positive" }),
    ]),
    // Writer 4: requests through every status.
    inOrder(post, [
      ev(c, "request.opened", { requestId: "q1", householdId: "h4", kind: "leave", person: "A" }),
      ev(c, "request.document_added", { requestId: "q1", document: "commitment_letter" }),
      ev(c, "request.document_added", { requestId: "q1", document: "test_report", testedAt: hoursBefore(3) }),
      ev(c, "request.document_added", { requestId: "q1", document: "test_report", testedAt: hoursBefore(5) }),
      ev(c, "request.approved", { requestId: "q1", note: "ok" }),
      ev(c, "request.fulfilled", { requestId: "q1" }),
      ev(c, "request.opened", { requestId: "q2", householdId: "h5", kind: "medical", urgent: true }),
      ev(c, "request.approved", { requestId: "q2" }),
      ev(c, "request.opened", { requestId: "q3", householdId: "h6", kind: "supplies", note: "rice" }),
      ev(c, "request.rejected", { requestId: "q3", reason: "delivered already" }),
      ev(c, "request.opened", { requestId: "q4", householdId: "h7", kind: "other" }),
      ev(c, "request.cancelled", { requestId: "q4" }),
      ev(c, "request.opened", { requestId: "q5", householdId: "h8", kind: "medicine", urgent: true }),
      ev(c, "alert.acknowledged", { requestId: "q5" }),
      ev(c, "request.opened", { requestId: "q6", householdId: "h9", kind: "medicine" }),
      ev(c, "request.approved", { requestId: "q6", override: { reason: "insulin" } }),
      ev(c, "request.opened", { requestId: "q7", householdId: "h10", kind: "supplies", urgent: true }),
    ]),
    // Writer 5: the other community.
    inOrder(post, [
      ev("north", "household.tested", { roundId: "r1", householdId: "h1" }),
      ev("north", "volunteer.checked_in", { volunteerId: "v1", post: "gate" }),
      ev("north", "building.sealed", { buildingId: "b2" }),
    ]),
  ]);
  await inOrder(post, [
    ev(c, "alert.acknowledged", { alertId: positive[1] }),
    ev(c, "round.closed", { roundId: "r1" }),
    ev(c, "round.opened", { roundId: "r2", kind: "antigen", label: "second" }),
    ...Array.from({ length: 5 }, (_, i) => ev(c, "household.tested", { roundId: "r2", householdId: `h${i + 1}` })),
    // A tested household moved out (its tap set aside), one vacated and back, one vacated that was never tapped in r2.
    ev(c, "household.vacated", { householdId: "h2", status: "moved_out", reason: "left" }),
    ev(c, "household.vacated", { householdId: "h4", status: "vacant" }),
    ev(c, "household.reoccupied", { householdId: "h4" }),
    ev(c, "household.vacated", { householdId: "h7", status: "vacant" }),
  ]);
}
