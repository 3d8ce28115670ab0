// Why: COMP1–COMP4: one deployment, many compounds: a token reaches its own compound only (contract v1.2, sections 2 and 9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMUNITY, mintId, ROUTE_TABLE } from "../support/authz-contract";
import { probe, subscribe } from "../support/authz-sockets";
import { ENGINE, engineReady } from "../support/db";
import { PERSONAL, smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";
import { personalRequest } from "../support/wall";

const ready = await engineReady();
const B = "commB";

describe.skipIf(!ready)(`COMP: compounds sealed from each other on ${ENGINE}`, () => {
  let s: TestServer;
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    s = await startTestServer();
    const seed = [
      ...smallCompound("default"),
      ...smallCompound(B),
      ...smallCompound(COMMUNITY),
      { ...personalRequest("q-b"), community: B },
    ];
    expect((await s.post({ events: seed })).status).toBe(201);
    for (const role of ["secretary", "volunteer", "display"] as const)
      tok[`default-${role}`] = (await mintId(s, role, role, "default")).token;
    tok.bound = (
      (await (await s.api("/api/tokens", { method: "POST", json: { role: "volunteer", label: "Li Na", volunteerId: "v1" } })).json()) as {
        token: string;
      }
    ).token;
    tok.bSecretary = (await mintId(s, "secretary", "commB secretary", B)).token;
    tok.street = (
      (await (
        await s.api("/api/tokens", { method: "POST", json: { role: "street", label: "street office", communities: ["default", B] } })
      ).json()) as { token: string }
    ).token;
  });
  afterAll(async () => s?.close());

  it("COMP1 a token of default gets 403 on every route that names commB: the registry's phones and the requests' notes stay in commB", async () => {
    const callers = ["default-secretary", "default-volunteer", "default-display", "bound"];
    const failures: string[] = [];
    for (const row of ROUTE_TABLE) {
      const call = await row.call(0, s);
      if (!call.path.includes(`community=${COMMUNITY}`) && !JSON.stringify(call.json ?? "").includes(COMMUNITY)) continue;
      const path = call.path.replace(`community=${COMMUNITY}`, `community=${B}`);
      const json = call.json === undefined ? undefined : JSON.parse(JSON.stringify(call.json).replaceAll(`"${COMMUNITY}"`, `"${B}"`));
      for (const c of callers) {
        const r = await s.api(path, { method: call.method, json, token: tok[c] });
        const text = await r.text();
        if (r.status !== 403 && r.status !== 401) failures.push(`${row.spec} as ${c}: ${r.status}`);
        if (text.includes(PERSONAL.phone) || text.includes("13900139000")) failures.push(`${row.spec} as ${c}: personal data`);
      }
    }
    expect(failures).toEqual([]);
    for (const c of callers) {
      const r = await s.api(`/api/registry?community=${B}`, { token: tok[c] });
      expect(r.status, c).toBe(403);
      expect(((await r.json()) as { error: { reason: string } }).error.reason).toMatch(/community_forbidden|role_forbidden/);
    }
  });

  it("COMP1 a socket of default subscribing to commB is refused and receives nothing of it; an event posted for commB is 403 and changes nothing", async () => {
    const before = (await s.snapshot(B)).seq;
    for (const c of ["default-volunteer", "default-display", "bound", "default-secretary"]) {
      const p = probe(s.url, { token: tok[c] });
      try {
        const ack = await subscribe(p, { community: B });
        expect(ack.ok, c).toBe(false);
        expect(
          p.socket.received.some((f) => f.event === "snapshot"),
          c,
        ).toBe(false);
      } finally {
        p.socket.close();
      }
      const r = await s.post({ type: "building.sealed", community: B, payload: { buildingId: "b1" } }, tok[c]);
      expect(r.status, c).toBe(403);
    }
    expect((await s.snapshot(B)).seq).toBe(before);
  });

  it("COMP2 commB's secretary: routes and events without a community are commB's; tokens minted, listed and revoked in commB only; the feed is commB's", async () => {
    const b = tok.bSecretary as string;
    const snap = (await (await s.api("/api/snapshot", { token: b })).json()) as { community: string };
    expect(snap.community).toBe(B);
    const posted = await s.post({ type: "building.sealed", payload: { buildingId: "b2" } }, b);
    expect(posted.status).toBe(201);
    expect((await s.snapshot(B)).counts.buildingsSealed).toBe(1);
    expect((await s.snapshot("default")).counts.buildingsSealed).toBe(0);
    const minted = await s.api("/api/tokens", { method: "POST", json: { role: "display", label: "commB wall" }, token: b });
    expect(((await minted.json()) as { community: string }).community).toBe(B);
    expect(
      (await s.api("/api/tokens", { method: "POST", json: { role: "display", label: "x", community: "default" }, token: b })).status,
    ).toBe(403);
    const street = { role: "street", label: "x", communities: [B] };
    expect((await s.api("/api/tokens", { method: "POST", json: street, token: b })).status).toBe(403);
    const listed = (await (await s.api("/api/tokens", { token: b })).json()) as { tokens: { id: string; community: string }[] };
    expect(listed.tokens.length).toBeGreaterThan(0);
    expect(listed.tokens.every((t) => t.community === B)).toBe(true);
    const all = (await (await s.api("/api/tokens")).json()) as { tokens: { id: string; community: string; label: string }[] };
    const foreign = all.tokens.find((t) => t.label === "display" && t.community === "default");
    expect((await s.api(`/api/tokens/${foreign?.id}`, { method: "DELETE", token: b })).status).toBe(404);
    expect((await s.api("/api/session", { token: tok["default-display"] })).status).toBe(200);
    const feed = (await (await s.api("/api/events?after=0&limit=1000", { token: b })).json()) as { events: { community: string }[] };
    expect(feed.events.length).toBeGreaterThan(0);
    expect(feed.events.every((e) => e.community === B)).toBe(true);
  });

  it("COMP3 a street token reads its compounds in one answer and subscribes to them; never another, never personal data, never a post", async () => {
    const st = tok.street as string;
    const r = await s.api("/api/street", { token: st });
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toContain(PERSONAL.phone);
    const body = JSON.parse(text) as {
      communities: { community: string; counts: { householdsTotal: number }; lastEventAt: string | null }[];
    };
    expect(body.communities.map((c) => c.community).sort()).toEqual([B, "default"].sort());
    expect(body.communities.every((c) => c.counts.householdsTotal === 3 && c.lastEventAt !== null)).toBe(true);
    expect((await s.api(`/api/snapshot?community=${COMMUNITY}`, { token: st })).status).toBe(403);
    expect((await s.api(`/api/snapshot?community=${B}`, { token: st })).status).toBe(200);
    expect((await s.api(`/api/reports/daily?community=${B}`, { token: st })).status).toBe(200);
    expect((await s.api(`/api/registry?community=${B}`, { token: st })).status).toBe(403);
    expect((await s.post({ type: "building.sealed", community: B, payload: { buildingId: "b1" } }, st)).status).toBe(403);
    expect((await s.api("/api/street", { token: tok.bSecretary })).status).toBe(403);
    const operator = (await (await s.api("/api/street")).json()) as { communities: { community: string }[] };
    expect(operator.communities.map((c) => c.community)).toEqual(expect.arrayContaining([B, "default", COMMUNITY]));
    const p = probe(s.url, { token: st });
    const q = probe(s.url, { token: st });
    try {
      expect((await subscribe(p, { community: B, wall: true })).ok).toBe(true);
      expect((await subscribe(q, { community: COMMUNITY })).ok).toBe(false);
    } finally {
      p.socket.close();
      q.socket.close();
    }
  });

  it("COMP5 a street socket gets every compound it watches at once, then counts pushed for them and for no other; other roles may not", async () => {
    const st = connect(s.url, { token: tok.street });
    const display = connect(s.url, { token: tok["default-display"] });
    try {
      await connected(st);
      await connected(display);
      const ack = await new Promise<{ ok: boolean }>((resolve) => st.emit("street", resolve));
      expect(ack.ok).toBe(true);
      const view = st.received.find((f) => f.event === "street")?.data as { communities: { community: string }[] };
      expect(view.communities.map((c) => c.community).sort()).toEqual([B, "default"].sort());
      const denied = await new Promise<{ ok: boolean }>((resolve) => display.emit("street", resolve));
      expect(denied.ok).toBe(false);
      expect(display.received.some((f) => f.event === "street")).toBe(false);
      expect((await s.post({ type: "building.sealed", community: COMMUNITY, payload: { buildingId: "b1" } })).status).toBe(201);
      expect((await s.post({ type: "building.sealed", community: B, payload: { buildingId: "b1" } })).status).toBe(201);
      const head = (await s.snapshot(B)).seq as number;
      await waitFor(
        () => st.received.some((f) => f.event === "counts" && (f.data as { community: string; seq: number }).seq === head),
        "commB's counts on the street socket",
        30_000,
      );
      const others = st.received.filter((f) => f.event === "counts" && (f.data as { community: string }).community === COMMUNITY);
      expect(others).toEqual([]);
    } finally {
      st.close();
      display.close();
    }
  });

  it("COMP6 the street's daily summary: each compound's day beside the totals, as JSON and CSV, and which compounds are silent since an hour", async () => {
    const st = tok.street as string;
    // Yesterday from midnight: every compound has had an event since (the logic of who is silent: STREET4).
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
    const r = await s.api(`/api/street/daily?silentSince=00:00&date=${yesterday}`, { token: st });
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      communities: { community: string; buildingsSealed: number; requestsOpened: number }[];
      totals: { buildingsSealed: number; requestsOpened: number };
      silent: string[];
    };
    expect(body.communities.map((c) => c.community).sort()).toEqual([B, "default"].sort());
    const sum = (k: "buildingsSealed" | "requestsOpened") => body.communities.reduce((a, c) => a + c[k], 0);
    expect(body.totals.buildingsSealed).toBe(sum("buildingsSealed"));
    expect(body.totals.requestsOpened).toBe(sum("requestsOpened"));
    expect(body.silent).toEqual([]);
    const today = (await (await s.api("/api/street/daily", { token: st })).json()) as typeof body;
    expect(today.communities.find((c) => c.community === B)?.requestsOpened).toBe(1);
    const csv = await (await s.api("/api/street/daily?format=csv", { token: st })).text();
    expect(csv.split("\r\n")[0]).toMatch(/^\ufeff?community,name,householdsTested/);
    expect(csv).toMatch(/\r\ntotal,,/);
    expect(csv).not.toContain(PERSONAL.phone);
    expect((await s.api("/api/street/daily?date=2999-01-01", { token: st })).status).toBe(400);
    expect((await s.api("/api/street/daily", { token: tok.bSecretary })).status).toBe(403);
  });

  it("COMP7 each compound on the street carries its posts against their minimums and today's positives, pushed to a street socket", async () => {
    const st = connect(s.url, { token: tok.street });
    try {
      await connected(st);
      await new Promise((resolve) => st.emit("street", resolve));
      const ev = (type: string, payload: object) => ({ type, community: B, payload });
      const seed = [
        ev("post.minimum_set", { post: "gate", minimum: 3 }),
        ev("volunteer.checked_in", { volunteerId: "v1", post: "gate" }),
        ev("household.tested", { roundId: "r1", householdId: "h2" }),
        ev("test.result", { roundId: "r1", householdId: "h2", result: "positive" }),
      ];
      expect((await s.post({ events: seed })).status).toBe(201);
      type Entry = { community: string; seq: number; positives: number; posts: { post: string; onDuty: number; minimum: number | null }[] };
      const body = (await (await s.api("/api/street", { token: tok.street })).json()) as { communities: Entry[] };
      const b = body.communities.find((c) => c.community === B) as Entry;
      expect(b.posts).toContainEqual(expect.objectContaining({ post: "gate", onDuty: 1, minimum: 3 }));
      expect(b.positives).toBe(1);
      expect(body.communities.find((c) => c.community === "default")?.positives).toBe(0);
      await waitFor(
        () =>
          st.received.some((f) => {
            const e = f.data as Entry;
            return f.event === "streetEntry" && e.community === B && e.seq === b.seq && e.positives === 1;
          }),
        "commB's entry pushed with its positives",
        30_000,
      );
      expect(JSON.stringify(st.received)).not.toContain(PERSONAL.phone);
    } finally {
      st.close();
    }
  });
});
