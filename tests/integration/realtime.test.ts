import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { ADMIN, startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";

const ready = await engineReady();

describe.skipIf(!ready)(`RT: live counts over Socket.IO on ${ENGINE}`, () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
  });
  afterAll(() => s?.close());

  it("RT1 a subscriber gets the snapshot, then every change as whole counts, and ends on /api/snapshot", async () => {
    const socket = connect(s.url, { token: ADMIN });
    await connected(socket);
    socket.emit("subscribe", { community: "default" });
    const first = await waitFor(() => socket.received.find((m) => m.event === "snapshot"), "the snapshot");
    expect(first.data).toEqual(await s.snapshot());

    const steps: [string, object, string, number][] = [
      ["household.tested", { roundId: "r1", householdId: "h1" }, "householdsTested", 1],
      ["building.sealed", { buildingId: "b1" }, "buildingsSealed", 1],
      ["volunteer.checked_in", { volunteerId: "v1", post: "gate" }, "volunteersOnDuty", 1],
      ["request.opened", { requestId: "q1", householdId: "h2", kind: "medical", urgent: true }, "urgentRequests", 1],
      ["household.registered", { householdId: "h4", buildingId: "b2", unit: "202", residents: 2 }, "householdsTotal", 4],
      ["building.registered", { buildingId: "b3", label: "Building 3" }, "buildingsTotal", 3],
      ["volunteer.registered", { volunteerId: "v3", name: "n", skills: [] }, "volunteersTotal", 3],
      ["request.opened", { requestId: "q2", householdId: "h3", kind: "supplies" }, "pendingRequests", 2],
    ];
    for (const [type, payload, key, value] of steps) {
      const r = await s.post({ type, payload });
      expect(r.status).toBe(201);
      const seq = r.body.accepted[0].seq;
      const seen = await waitFor(() => {
        const l = socket.latest();
        return l && l.seq >= seq ? l : null;
      }, `counts with seq ${seq}`);
      expect(seen.counts[key as keyof typeof seen.counts], key).toBe(value);
    }
    const final = await s.snapshot();
    await waitFor(() => socket.latest()?.seq === final.seq, "the last seq");
    expect(socket.latest()?.counts).toEqual(final.counts);
    socket.close();
  });

  it("RT2 a burst of events is coalesced to at most 10 messages a second and still ends on the last state", async () => {
    const socket = connect(s.url, { token: ADMIN });
    await connected(socket);
    socket.emit("subscribe", { community: "default" });
    await waitFor(() => socket.latest(), "a snapshot");
    const started = Date.now();
    const vols = Array.from({ length: 60 }, (_, i) => ({
      type: "volunteer.registered",
      payload: { volunteerId: `burst${i}`, name: "n", skills: [] },
    }));
    for (const e of vols) expect((await s.post(e)).status).toBe(201);
    const final = await s.snapshot();
    await waitFor(() => socket.latest()?.seq === final.seq, "the last seq after the burst");
    const elapsed = (Date.now() - started) / 1000;
    const counts = socket.received.filter((m) => m.event === "counts");
    expect(counts.length).toBeLessThanOrEqual(Math.ceil(elapsed * 10) + 2);
    expect(socket.latest()?.counts.volunteersTotal).toBe(final.counts.volunteersTotal);
    socket.close();
  });

  it("RT3 subscribe with a bad community is answered with a problem, not silence", async () => {
    const socket = connect(s.url, { token: ADMIN });
    await connected(socket);
    const ack = await new Promise<{ ok: boolean; error?: string }>((resolve) =>
      socket.emit("subscribe", { community: "no spaces" }, resolve),
    );
    expect(ack.ok).toBe(false);
    expect(ack.error).toMatch(/community/);
    socket.close();
  });

  it("RT6 subscribers arriving together while events commit each get their snapshot before their ack, and all converge", async () => {
    const sockets = Array.from({ length: 40 }, () => connect(s.url, { token: ADMIN }));
    await Promise.all(sockets.map(connected));
    const posting = (async () => {
      for (let i = 0; i < 10; i++)
        expect((await s.post({ type: "volunteer.registered", payload: { volunteerId: `rt6-${i}`, name: "n", skills: [] } })).status).toBe(
          201,
        );
    })();
    const snapshotsAtAck = await Promise.all(
      sockets.map(async (socket) => {
        const ack = await socket.emitWithAck("subscribe", { community: "default" });
        expect(ack.ok).toBe(true);
        return socket.received.filter((m) => m.event === "snapshot").length;
      }),
    );
    expect(snapshotsAtAck.every((n) => n === 1)).toBe(true);
    // Two calls at once from one socket are answered like two calls: two snapshots, two acks.
    const twice = sockets[0]!;
    const acks = await Promise.all([twice.emitWithAck("subscribe", {}), twice.emitWithAck("subscribe", {})]);
    expect(acks.map((a) => a.ok)).toEqual([true, true]);
    expect(twice.received.filter((m) => m.event === "snapshot").length).toBe(3);
    await posting;
    const final = await s.snapshot();
    await waitFor(() => sockets.every((socket) => socket.latest()?.seq === final.seq), "every subscriber on the last seq");
    for (const socket of sockets) socket.close();
  });
});

describe.skipIf(ENGINE !== "postgres" || !ready)("RT4: two nodes on one PostgreSQL", () => {
  it("RT4 a subscriber on node B sees events committed through node A, in seq order, and converges", async () => {
    const a = await startTestServer();
    const b = await startTestServer({ DATABASE_URL: a.databaseUrl ?? "" });
    try {
      expect((await a.post({ events: smallCompound() })).status).toBe(201);
      const socket = connect(b.url, { token: ADMIN });
      await connected(socket);
      socket.emit("subscribe", { community: "default" });
      await waitFor(() => socket.latest(), "a snapshot from node B");
      for (let i = 0; i < 20; i++) {
        const node = i % 2 ? a : b;
        expect((await node.post({ type: "volunteer.registered", payload: { volunteerId: `n${i}`, name: "n", skills: [] } })).status).toBe(
          201,
        );
      }
      const final = await a.snapshot();
      expect(await b.snapshot()).toEqual(final);
      await waitFor(() => socket.latest()?.seq === final.seq, "node B's subscriber to reach the last seq");
      expect(socket.latest()?.counts.volunteersTotal).toBe(22);
      const seqs = socket.received.filter((m) => m.event === "counts").map((m) => (m.data as { seq: number }).seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      socket.close();
    } finally {
      await b.close();
      await a.close();
    }
  });
});
