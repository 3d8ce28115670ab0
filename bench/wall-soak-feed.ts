// A simulated compound's day for the wall soak: swabs, shifts, requests and their decisions,
// results, seals, acknowledgements, each posted through the API like any client.
type Api = (p: string, body?: unknown) => Promise<{ status: number; body: any }>;

const BUILDINGS = 40;
const HOUSEHOLDS = 1200;
const VOLUNTEERS = 120;
const POSTS = ["testing", "gate", "delivery"];
const KINDS = ["leave", "medical", "medicine", "supplies", "other"];

export class SoakFeed {
  posted = 0;
  rejected = 0;
  private round = 0;
  private nextHousehold = 0;
  private tested: string[] = [];
  private onDuty = new Set<number>();
  private pending: string[] = [];
  private sealed = new Set<number>();
  private positives: number[] = [];
  private requests = 0;

  constructor(private readonly api: Api) {}

  async setUp(): Promise<void> {
    const e = (type: string, payload: object) => ({ type, payload });
    const all = [
      ...Array.from({ length: BUILDINGS }, (_, b) => e("building.registered", { buildingId: `b${b + 1}`, label: `Building ${b + 1}` })),
      ...Array.from({ length: HOUSEHOLDS }, (_, h) =>
        e("household.registered", {
          householdId: `h${h + 1}`,
          buildingId: `b${(h % BUILDINGS) + 1}`,
          unit: `${h + 1}`,
          residents: 1 + (h % 4),
          contact: { name: `Resident ${h + 1}`, phone: `1380000${String(h).padStart(4, "0")}` },
        }),
      ),
      ...Array.from({ length: VOLUNTEERS }, (_, v) =>
        e("volunteer.registered", { volunteerId: `v${v + 1}`, name: `Volunteer ${v + 1}`, skills: [] }),
      ),
      ...POSTS.map((post) => e("post.minimum_set", { post, minimum: 10 })),
    ];
    for (let i = 0; i < all.length; i += 1000) {
      const r = await this.api("/api/events", { events: all.slice(i, i + 1000) });
      if (r.status !== 201) throw new Error(`setting up the compound failed: ${JSON.stringify(r.body)}`);
    }
    await this.openRound();
  }

  private async openRound(): Promise<void> {
    if (this.round > 0) await this.post("round.closed", { roundId: `r${this.round}` });
    this.round++;
    this.nextHousehold = 0;
    this.tested = [];
    await this.post("round.opened", { roundId: `r${this.round}`, kind: "antigen" });
  }

  private async post(type: string, payload: object): Promise<number | null> {
    const r = await this.api("/api/events", { type, payload });
    if (r.status !== 201) {
      this.rejected++;
      return null;
    }
    this.posted++;
    return r.body.accepted[0].seq as number;
  }

  private async step(i: number): Promise<unknown> {
    const roll = i % 20;
    if (roll < 10) {
      if (this.nextHousehold >= HOUSEHOLDS) {
        await this.openRound();
        return;
      }
      const h = `h${++this.nextHousehold}`;
      this.tested.push(h);
      return this.post("household.tested", { roundId: `r${this.round}`, householdId: h });
    }
    if (roll < 12 && this.tested.length > 0) {
      const h = this.tested[i % this.tested.length];
      const positive = i % 97 === 0;
      const seq = await this.post("test.result", { roundId: `r${this.round}`, householdId: h, result: positive ? "positive" : "negative" });
      if (positive && seq) this.positives.push(seq);
      return;
    }
    if (roll < 16) {
      const v = 1 + ((i * 7) % VOLUNTEERS);
      if (this.onDuty.has(v)) {
        this.onDuty.delete(v);
        return this.post("volunteer.checked_out", { volunteerId: `v${v}` });
      }
      this.onDuty.add(v);
      return this.post("volunteer.checked_in", { volunteerId: `v${v}`, post: POSTS[i % POSTS.length] });
    }
    if (roll < 18 || this.pending.length === 0) {
      const id = `q${++this.requests}`;
      this.pending.push(id);
      const urgent = this.requests % 10 === 0;
      const householdId = `h${1 + ((i * 13) % HOUSEHOLDS)}`;
      return this.post("request.opened", { requestId: id, householdId, kind: KINDS[i % KINDS.length], urgent, note: "call back" });
    }
    if (roll === 18) {
      const id = this.pending.shift() as string;
      return i % 40 === 18
        ? this.post("request.cancelled", { requestId: id })
        : this.post("request.rejected", { requestId: id, reason: "not now" });
    }
    const b = 1 + (i % BUILDINGS);
    const positive = this.positives.shift();
    if (positive !== undefined) return this.post("alert.acknowledged", { alertId: positive });
    if (this.sealed.has(b)) {
      this.sealed.delete(b);
      return this.post("building.unsealed", { buildingId: `b${b}` });
    }
    this.sealed.add(b);
    return this.post("building.sealed", { buildingId: `b${b}` });
  }

  /** Posts `rate` events a second until `until`, catching up when a post was slow. */
  async run(rate: number, until: number): Promise<void> {
    const start = Date.now();
    let i = 0;
    while (Date.now() < until) {
      const due = Math.floor(((Date.now() - start) / 1000) * rate);
      if (i >= due) {
        await new Promise((r) => setTimeout(r, 1000 / rate / 2));
        continue;
      }
      await this.step(i++);
    }
  }
}
