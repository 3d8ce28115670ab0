import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Snapshot } from "../../server/protocol/state";
import { WallView } from "../../server/protocol/wall";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { waitFor } from "../support/wait";
import { personalIn, personalRequest } from "../support/wall";

const ready = await engineReady();

type Recorder = { socket: Socket; frames: string[]; walls: WallView[]; snapshots: Snapshot[] };

function connect(url: string, token: string, subscribe: object): Recorder {
  const socket = io(url, { auth: { token }, transports: ["websocket"], forceNew: true, reconnection: false });
  const r: Recorder = { socket, frames: [], walls: [], snapshots: [] };
  socket.io.on("open", () =>
    socket.io.engine.on("data", (d) => r.frames.push(typeof d === "string" ? d : Buffer.from(d).toString("utf8"))),
  );
  socket.on("connect", () => socket.emit("subscribe", subscribe));
  socket.on("wall", (v) => r.walls.push(WallView.parse(v)));
  socket.on("snapshot", (s) => r.snapshots.push(s));
  return r;
}

describe.skipIf(!ready)(`WALL: the wall view over Socket.IO on ${ENGINE}`, () => {
  let s: TestServer;
  let display: string;
  const open: Recorder[] = [];
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
    display = await s.mint("display", "office wall");
  });
  afterAll(async () => {
    for (const r of open) r.socket.close();
    await s?.close();
  });

  it("WALL7 a display subscribing with wall:true gets the wall view at once, then again after every change, coalesced", async () => {
    const r = connect(s.url, display, { community: "default", wall: true });
    open.push(r);
    await waitFor(() => r.walls.length > 0 && r.snapshots.length > 0, "the first wall view");
    expect(r.walls[0]?.seq).toBe(r.snapshots[0]?.seq);
    expect(r.walls[0]?.counts).toEqual(r.snapshots[0]?.counts);

    await s.post({
      events: [personalRequest("q1", "h1", true), { type: "household.tested", payload: { roundId: "r1", householdId: "h2" } }],
    });
    await s.post({ type: "building.sealed", payload: { buildingId: "b1", reason: "positive case in unit 101" } });
    const head = (await s.snapshot()).seq;
    const last = await waitFor(() => r.walls.find((w) => w.seq === head), "a wall view at the head of the feed");
    expect(last.queue.items).toEqual([{ buildingId: "b1", kind: "medicine", urgent: true, openedAt: expect.any(String) }]);
    expect(last.alerts.items[0]).toMatchObject({ kind: "urgent_request", buildingId: "b1" });
    expect(last.buildings[0]).toMatchObject({ buildingId: "b1", sealed: true, tested: 1 });
    expect(r.walls.length).toBeLessThanOrEqual(3);
  });

  it("WALL7b displays subscribing together (sharing the reads) each get one snapshot, then the wall view of its seq", async () => {
    const walls = Array.from({ length: 12 }, () => connect(s.url, display, { community: "default", wall: true }));
    open.push(...walls);
    await waitFor(() => walls.every((r) => r.walls.length > 0), "every display's first wall view");
    for (const r of walls) {
      expect(r.snapshots.length).toBe(1);
      expect(r.walls.at(-1)?.seq).toBe(r.snapshots[0]?.seq);
      const kinds = r.frames.map((f) => /^\d+\["(\w+)"/.exec(f)?.[1]);
      expect(kinds.indexOf("snapshot")).toBeLessThan(kinds.lastIndexOf("wall"));
    }
  });

  it("WALL8 no socket frame a display receives holds a registered name, phone, note or person", async () => {
    const r = connect(s.url, display, { community: "default", wall: true });
    open.push(r);
    await waitFor(() => r.walls.length > 0, "the first wall view");
    await s.post({ events: [personalRequest("q2", "h1"), { type: "volunteer.checked_in", payload: { volunteerId: "v1", post: "gate" } }] });
    const head = (await s.snapshot()).seq;
    await waitFor(() => r.walls.some((w) => w.seq === head), "the wall view after the personal request");
    expect(r.frames.length).toBeGreaterThan(2);
    expect(personalIn(r.frames.join("\n"))).toEqual([]);
    for (const w of open.flatMap((o) => o.frames)) expect(personalIn(w)).toEqual([]);
  });

  it("WALL9 a subscriber without wall:true gets counts but no wall view", async () => {
    const r = connect(s.url, display, { community: "default" });
    open.push(r);
    const counts: number[] = [];
    r.socket.on("counts", (m) => counts.push(m.seq));
    await waitFor(() => r.snapshots.length > 0, "the snapshot");
    await s.post({ type: "household.tested", payload: { roundId: "r1", householdId: "h3" } });
    const head = (await s.snapshot()).seq;
    await waitFor(() => counts.includes(head), "counts at the head");
    expect(r.walls).toEqual([]);
  });
});
