import { randomUUID } from "node:crypto";
import { type AnyColumn, and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../drizzle/client";
import { buildings, communityState, households, requests, rounds, roundTests, volunteers } from "../../drizzle/schema";
import { isDelivery } from "../domain/requests";
import { AppError } from "../errors";
import { type Actor, appendEvents } from "../ingest/append";
import type { Logger } from "../log";
import type { EventInput } from "../protocol/events";
import { DEMO_ROUND, DEMO_SIZE, POSTS } from "./compound";
import { seeded } from "./random";

const ACTOR: Actor = { role: "secretary", name: "demo simulator" };
const COMMUNITY = "default";

/**
 * The demo's own entities, and only them: ids are unique in a community, so an id the demo
 * compound registered (b1…b41, h1…h1383, v1…v162) is the demo's, and the simulator's rounds and
 * requests carry its prefixes. Whatever a secretary registers beside the demo is never touched.
 */
const own = (column: SQL.Aliased | AnyColumn, prefix: string, max: number) =>
  sql`(case when ${column} ~ ${`^${prefix}[1-9][0-9]{0,5}$`} then substr(${column}, ${prefix.length + 1})::int <= ${max} else false end)`;
const ownBuilding = own(buildings.buildingId, "b", DEMO_SIZE.buildings);
const ownHousehold = own(households.householdId, "h", DEMO_SIZE.households);
const ownVolunteer = own(volunteers.volunteerId, "v", DEMO_SIZE.volunteers);
const ownRound = sql`(${rounds.roundId} = ${DEMO_ROUND} or ${rounds.roundId} like 'sim-%')`;
const ownRequest = sql`(${requests.requestId} like 'demo-r%' or ${requests.requestId} like 'sim-%')`;

/**
 * The simulated feed: swabs in waves, volunteers changing shifts, a few requests an hour and
 * their decisions, the odd sealed building. It posts through the same append path as everyone.
 */
export class Simulator {
  private timer: NodeJS.Timeout | undefined;
  private tick = 0;
  private busy = false;
  private readonly r = seeded(Date.now() % 2 ** 31);

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly tickMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.step(), this.tickMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async step(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.tick++;
    try {
      if (!(await this.demoPresent())) {
        this.close();
        this.log.info("the demo was cleared: the simulated feed stops");
        return;
      }
      const event = await this.nextEvent();
      if (event) await appendEvents(this.db, [{ ...event, id: randomUUID() }], ACTOR);
    } catch (err) {
      if (!(err instanceof AppError)) this.log.warn({ err: (err as Error).message }, "simulator step failed");
    } finally {
      this.busy = false;
    }
  }

  /** Whether the community still holds the demo (a secretary may have cleared it). */
  private async demoPresent(): Promise<boolean> {
    const [row] = await this.db.select({ demo: communityState.demo }).from(communityState).where(eq(communityState.community, COMMUNITY));
    return row?.demo === true;
  }

  /** One action of a given kind, posted as the simulator would: for tests of what it may touch. */
  async act(kind: "swab" | "shift" | "open" | "decide" | "seal"): Promise<EventInput | undefined> {
    this.tick++;
    const make = { swab: this.swab, shift: this.shift, open: this.openRequest, decide: this.decide, seal: this.seal }[kind];
    const event = await make.call(this);
    if (event) await appendEvents(this.db, [{ ...event, id: randomUUID() }], ACTOR);
    return event;
  }

  private async isOwnRound(roundId: string): Promise<boolean> {
    const r = await this.one(
      this.db
        .select({ id: rounds.roundId })
        .from(rounds)
        .where(and(eq(rounds.community, COMMUNITY), eq(rounds.roundId, roundId), ownRound)),
    );
    return Boolean(r);
  }

  private async one<T>(rows: Promise<T[]>): Promise<T | undefined> {
    return (await rows)[0];
  }

  /**
   * One tick's event. With the default 2 s tick (1,800 ticks an hour): swabs in waves of a
   * few hundred an hour, about 30 shift changes, 4 requests opened and 4 decided or fulfilled,
   * and a building sealed or unsealed every two hours or so.
   */
  private async nextEvent(): Promise<EventInput | undefined> {
    const perHour = 3_600_000 / this.tickMs;
    const wave = 0.5 + 0.5 * Math.sin(this.tick / 300);
    const odds: [number, () => Promise<EventInput | undefined>][] = [
      [0.05 + 0.4 * wave, () => this.swab()],
      [30 / perHour, () => this.shift()],
      [4 / perHour, () => this.openRequest()],
      [5 / perHour, () => this.decide()],
      [0.5 / perHour, () => this.seal()],
    ];
    let roll = this.r.next();
    for (const [p, make] of odds) {
      if (roll < p) return make();
      roll -= p;
    }
    return undefined;
  }

  private async swab(): Promise<EventInput | undefined> {
    const open = await this.one(
      this.db
        .select({ roundId: rounds.roundId })
        .from(rounds)
        .where(and(eq(rounds.community, COMMUNITY), isNull(rounds.closedAt))),
    );
    if (open && !(await this.isOwnRound(open.roundId))) return undefined;
    if (!open) {
      const n = this.tick;
      return { type: "round.opened", payload: { roundId: `sim-${n}`, kind: n % 2 ? "antigen" : "pcr", label: `第${n}轮` } };
    }
    const h = await this.one(
      this.db
        .select({ id: households.householdId })
        .from(households)
        .where(
          sql`${households.community} = ${COMMUNITY} and ${ownHousehold} and ${households.residents} > 0 and ${households.status} is null and not exists (select 1 from ${roundTests} t where t.community = ${COMMUNITY} and t.round_id = ${open.roundId} and t.household_id = ${households.householdId})`,
        )
        .orderBy(sql`random()`)
        .limit(1),
    );
    if (!h) return { type: "round.closed", payload: { roundId: open.roundId } };
    if (this.r.chance(0.02)) {
      const tested = await this.one(
        this.db
          .select({ id: roundTests.householdId })
          .from(roundTests)
          .where(
            and(
              eq(roundTests.community, COMMUNITY),
              eq(roundTests.roundId, open.roundId),
              isNull(roundTests.result),
              own(roundTests.householdId, "h", DEMO_SIZE.households),
            ),
          )
          .limit(1),
      );
      if (tested)
        return {
          type: "test.result",
          payload: { roundId: open.roundId, householdId: tested.id, result: this.r.chance(0.05) ? "positive" : "negative" },
        };
    }
    return { type: "household.tested", payload: { roundId: open.roundId, householdId: h.id } };
  }

  private async shift(): Promise<EventInput | undefined> {
    const checkIn = this.r.chance(0.5);
    const v = await this.one(
      this.db
        .select({ id: volunteers.volunteerId })
        .from(volunteers)
        .where(and(eq(volunteers.community, COMMUNITY), eq(volunteers.onDuty, !checkIn), ownVolunteer))
        .orderBy(sql`random()`)
        .limit(1),
    );
    if (!v) return undefined;
    return checkIn
      ? { type: "volunteer.checked_in", payload: { volunteerId: v.id, post: this.r.pick(POSTS) } }
      : { type: "volunteer.checked_out", payload: { volunteerId: v.id } };
  }

  private async openRequest(): Promise<EventInput | undefined> {
    const h = await this.one(
      this.db
        .select({ id: households.householdId })
        .from(households)
        .where(and(eq(households.community, COMMUNITY), ownHousehold))
        .orderBy(sql`random()`)
        .limit(1),
    );
    if (!h) return undefined;
    const kind = this.r.pick(["medicine", "supplies", "supplies", "leave", "medical", "other"] as const);
    return {
      type: "request.opened",
      payload: {
        requestId: `sim-${randomUUID().slice(0, 8)}`,
        householdId: h.id,
        kind,
        urgent: kind === "medical" && this.r.chance(0.5),
        note: "演示 demo",
      },
    };
  }

  private async decide(): Promise<EventInput | undefined> {
    const q = await this.one(
      this.db
        .select({ id: requests.requestId, status: requests.status, kind: requests.kind, urgent: requests.urgent })
        .from(requests)
        .where(and(eq(requests.community, COMMUNITY), sql`${requests.status} in ('pending','approved')`, ownRequest))
        .orderBy(requests.openedAt)
        .limit(1),
    );
    if (!q) return undefined;
    if (q.status === "approved") return { type: "request.fulfilled", payload: { requestId: q.id } };
    if (q.kind === "leave" && this.r.chance(0.5))
      return { type: "request.rejected", payload: { requestId: q.id, reason: "缺少48小时核酸报告 no recent test report" } };
    // Deliveries need nothing (v1.2); a release without its documents goes on an override.
    const needsOverride = !isDelivery(q.kind) && !(q.kind === "medical" && q.urgent);
    const override = needsOverride ? { reason: "演示 demo: confirmed by the committee" } : undefined;
    return { type: "request.approved", payload: { requestId: q.id, ...(override ? { override } : {}) } };
  }

  private async seal(): Promise<EventInput | undefined> {
    const b = await this.one(
      this.db
        .select({ id: buildings.buildingId, sealed: buildings.sealed })
        .from(buildings)
        .where(and(eq(buildings.community, COMMUNITY), ownBuilding))
        .orderBy(sql`random()`)
        .limit(1),
    );
    if (!b) return undefined;
    return b.sealed
      ? { type: "building.unsealed", payload: { buildingId: b.id } }
      : { type: "building.sealed", payload: { buildingId: b.id, reason: "阳性病例 positive case" } };
  }
}
