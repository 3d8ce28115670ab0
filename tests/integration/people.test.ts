// The people-and-screens page's server side: bound tokens listed, and when each token was last seen.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SEEN_EVERY_MS } from "../../server/auth/tokens";
import { ENGINE, engineReady } from "../support/db";
import { smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";

type Listed = {
  id: string;
  role: string;
  label: string;
  volunteerId: string | null;
  community: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
};

const ready = await engineReady();

describe.skipIf(!ready)(`PEOPLE: sign-ins and last seen on ${ENGINE}`, () => {
  let s: TestServer;
  const list = async () => ((await (await s.api("/api/tokens")).json()) as { tokens: Listed[] }).tokens;
  const row = async (id: string) => (await list()).find((t) => t.id === id);
  const mint = async (body: object) => {
    const r = await s.api("/api/tokens", { method: "POST", json: body });
    expect(r.status).toBe(201);
    return (await r.json()) as { id: string; token: string };
  };
  /** Waits until the token's last_seen_at is written and answers it. */
  const seenAt = (id: string, what: string) => waitFor(async () => (await row(id))?.lastSeenAt, what, 5000, 50);

  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: smallCompound() })).status).toBe(201);
  });
  afterAll(() => s?.close());

  it("PEOPLE1 GET /api/tokens lists a volunteer's own token with its volunteer and community, never its secret; only for the secretary", async () => {
    const own = await mint({ role: "volunteer", label: "Li Na's phone", volunteerId: "v1" });
    const wall = await mint({ role: "display", label: "lobby wall" });
    const tokens = await list();
    expect(tokens.find((t) => t.id === own.id)).toMatchObject({
      role: "volunteer",
      label: "Li Na's phone",
      volunteerId: "v1",
      community: "default",
      revokedAt: null,
      lastSeenAt: null,
    });
    expect(tokens.find((t) => t.id === wall.id)).toMatchObject({
      role: "display",
      volunteerId: null,
      community: "default",
      lastSeenAt: null,
    });
    const text = JSON.stringify(tokens);
    expect(text).not.toContain(own.token);
    expect(text).not.toContain(wall.token);
    expect(text).not.toContain('"hash"');
    expect((await s.api("/api/tokens", { token: own.token })).status).toBe(403);
    expect((await s.api("/api/tokens", { token: wall.token })).status).toBe(403);
  });

  it("PEOPLE2 last_seen_at is set when a token is used: an HTTP call, a socket sign-in, a sign-in link", async () => {
    const before = Date.now();
    const http = await mint({ role: "volunteer", label: "http", volunteerId: "v2" });
    const socket = await mint({ role: "display", label: "socket" });
    const link = await mint({ role: "display", label: "link" });
    expect((await row(http.id))?.lastSeenAt).toBeNull();

    expect((await s.api("/api/session", { token: http.token })).status).toBe(200);
    const viaHttp = await seenAt(http.id, "the HTTP call to be recorded");
    expect(Date.parse(viaHttp)).toBeGreaterThanOrEqual(before - 5000);

    const client = connect(s.url, { token: socket.token });
    await connected(client);
    client.close();
    await seenAt(socket.id, "the socket sign-in to be recorded");

    expect((await fetch(`${s.url}/wall?token=${link.token}`, { redirect: "manual" })).status).toBe(303);
    await seenAt(link.id, "the sign-in link to be recorded");
  });

  it("PEOPLE3 last_seen_at is written at most once a minute per token: two uses within a minute are one write", async () => {
    const phone = await mint({ role: "volunteer", label: "busy phone", volunteerId: "v1" });
    const sentinel = await mint({ role: "display", label: "sentinel" });
    expect((await s.api("/api/snapshot", { token: phone.token })).status).toBe(200);
    const first = await seenAt(phone.id, "the first use to be recorded");

    // Used again at once, by HTTP and by a socket; the writes run in order, so once a later token's
    // first write has landed, any second write of this one would have landed too.
    expect((await s.api("/api/session", { token: phone.token })).status).toBe(200);
    const client = connect(s.url, { token: phone.token });
    await connected(client);
    client.close();
    expect((await s.api("/api/snapshot", { token: sentinel.token })).status).toBe(200);
    await seenAt(sentinel.id, "the sentinel's use to be recorded");
    expect((await row(phone.id))?.lastSeenAt).toBe(first);

    // A minute later (the server's clock moved on) the next use writes again.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + SEEN_EVERY_MS + 1000);
      expect((await s.api("/api/session", { token: phone.token })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    await waitFor(async () => (await row(phone.id))?.lastSeenAt !== first, "the use a minute later to be recorded", 5000, 50);
    expect(Date.parse((await row(phone.id))?.lastSeenAt ?? "")).toBeGreaterThan(Date.parse(first));
  });
});
