// Why: documents as files (contract section 7): judged from their bytes, re-encoded clean and upright, stored once, read by who may.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { files } from "../../drizzle/schema";
import { ENGINE, engineReady } from "../support/db";
import { bombPng, cameraJpeg, GPS_LATITUDE, hevcHeic, plainPdf, plainPng, SERIAL, SVG, scriptPdf } from "../support/documents";
import { smallCompound } from "../support/fixtures";
import { startTestServer, type TestServer } from "../support/server";
import { connect, connected } from "../support/socket";
import { waitFor } from "../support/wait";

const ready = await engineReady();

describe.skipIf(!ready)(`FILE: documents as files on ${ENGINE}`, () => {
  let s: TestServer;
  const tok: Record<string, string> = {};
  const upload = (bytes: Uint8Array, token?: string, type = "image/jpeg", community = "default") =>
    s.api(`/api/files?community=${community}`, {
      method: "POST",
      body: bytes as unknown as BodyInit,
      headers: { "content-type": type },
      token,
    });
  const stored = async () => (await s.app.handle.db.select({ id: files.fileId }).from(files)).length;
  const mint = async (json: object) => {
    const r = await s.api("/api/tokens", { method: "POST", json });
    expect(r.status).toBe(201);
    return ((await r.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.post({ events: [...smallCompound(), ...smallCompound("other")] })).status).toBe(201);
    tok.volunteer = await mint({ role: "volunteer", label: "v" });
    tok.volunteer2 = await mint({ role: "volunteer", label: "v2" });
    tok.display = await mint({ role: "display", label: "d" });
    tok.h1 = await mint({ role: "resident", householdId: "h1", community: "default" });
    tok.h2 = await mint({ role: "resident", householdId: "h2", community: "default" });
    tok.otherH1 = await mint({ role: "resident", householdId: "h1", community: "other" });
  });
  afterAll(() => s?.close());

  it("FILE1 a camera JPEG with EXIF GPS, serial and orientation is served upright with no metadata, with a thumbnail ≤ 320 px", async () => {
    const photo = await cameraJpeg();
    const before = await sharp(photo).metadata();
    expect([before.orientation, Boolean(before.exif)]).toEqual([6, true]);
    expect(photo.toString("latin1")).toContain(SERIAL);
    const r = await upload(photo, tok.h1);
    expect(r.status).toBe(201);
    const body = (await r.json()) as { fileId: string; contentType: string; bytes: number };
    expect(body).toMatchObject({ fileId: expect.stringMatching(/^[A-Za-z0-9_-]{20,64}$/), contentType: "image/jpeg" });
    for (const size of ["", "?size=thumb"]) {
      const g = await s.api(`/api/files/${body.fileId}${size}`);
      expect(g.status).toBe(200);
      expect(g.headers.get("content-type")).toBe("image/jpeg");
      expect(g.headers.get("x-content-type-options")).toBe("nosniff");
      const bytes = Buffer.from(await g.arrayBuffer());
      if (!size) expect(bytes.length).toBe(body.bytes);
      const m = await sharp(bytes).metadata();
      expect(m.exif, "no EXIF").toBeUndefined();
      expect(m.xmp, "no XMP").toBeUndefined();
      expect(m.orientation ?? 1).toBe(1);
      const text = bytes.toString("latin1");
      for (const leak of [SERIAL, "Cordon Test Camera", GPS_LATITUDE, "Exif"]) expect(text).not.toContain(leak);
      // Upright: taller than wide, and the original's left (red) is now the top.
      expect((m.height ?? 0) > (m.width ?? 0)).toBe(true);
      if (size) expect(Math.max(m.width ?? 0, m.height ?? 0)).toBeLessThanOrEqual(320);
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      const px = (x: number, y: number) => [
        ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
      ];
      const [tr, , tb] = px(Math.floor(info.width / 2), 2);
      const [br, , bb] = px(Math.floor(info.width / 2), info.height - 3);
      expect(tr).toBeGreaterThan(200);
      expect(tb).toBeLessThan(60);
      expect(bb).toBeGreaterThan(200);
      expect(br).toBeLessThan(60);
    }
  });

  it("FILE2 the same bytes again answer 200 with the same fileId and store nothing new; another community is another file", async () => {
    const png = await plainPng([10, 200, 30]);
    const first = await upload(png, tok.volunteer, "image/png");
    expect(first.status).toBe(201);
    const a = (await first.json()) as { fileId: string; contentType: string };
    expect(a.contentType).toBe("image/png");
    const count = await stored();
    const again = await upload(png, tok.volunteer2, "application/octet-stream");
    expect(again.status).toBe(200);
    expect(((await again.json()) as { fileId: string }).fileId).toBe(a.fileId);
    expect(await stored()).toBe(count);
    const other = await upload(png, undefined, "image/png", "other");
    expect(other.status).toBe(201);
    expect(((await other.json()) as { fileId: string }).fileId).not.toBe(a.fileId);
  });

  it("FILE3 bad files each get a 4xx with a reason and store nothing; the server keeps answering", async () => {
    const photo = await cameraJpeg();
    const cases: [string, Buffer, string, number, string][] = [
      ["text named .jpg", Buffer.from("this is not a picture\n"), "image/jpeg", 415, "file_type_unsupported"],
      ["truncated JPEG", photo.subarray(0, Math.floor(photo.length / 2)), "image/jpeg", 415, "file_not_what_it_claims"],
      [
        "PNG claiming to be JPEG bytes",
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), await plainPng([1, 2, 3])]),
        "image/jpeg",
        415,
        "file_not_what_it_claims",
      ],
      ["20,000 × 20,000 PNG", bombPng(), "image/png", 413, "picture_too_many_pixels"],
      ["over 10 MiB", Buffer.concat([photo, Buffer.alloc(10 * 1024 * 1024)]), "image/jpeg", 413, "document_file_too_large"],
      ["SVG", SVG, "image/svg+xml", 415, "file_type_unsupported"],
      ["PDF with JavaScript", scriptPdf(), "application/pdf", 415, "pdf_has_script"],
      ["HEIC (HEVC)", await hevcHeic(), "image/heic", 415, "heic_not_decodable"],
    ];
    const count = await stored();
    const got = await Promise.all(
      cases.map(async ([name, bytes, type]) => {
        const health = s.api("/api/health");
        const r = await upload(bytes, tok.volunteer, type);
        const body = (await r.json()) as { error?: { reason: string } };
        expect((await health).status).toBe(200);
        return `${name}: ${r.status} ${body.error?.reason}`;
      }),
    );
    expect(got).toEqual(cases.map(([name, , , status, reason]) => `${name}: ${status} ${reason}`));
    expect(await stored()).toBe(count);
  });

  it("FILE4 a PDF is stored as sent and served so it cannot run script on our origin", async () => {
    const r = await upload(plainPdf(), tok.volunteer, "application/pdf");
    expect(r.status).toBe(201);
    const { fileId, contentType } = (await r.json()) as { fileId: string; contentType: string };
    expect(contentType).toBe("application/pdf");
    const g = await s.api(`/api/files/${fileId}`);
    expect(g.status).toBe(200);
    expect(g.headers.get("content-security-policy")).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(g.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(g.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await g.arrayBuffer()).equals(plainPdf())).toBe(true);
  });

  it("FILE5 who reads a file: its community's secretary, its uploader, the household whose request names it; display 403, others 404", async () => {
    const up = await upload(await plainPng([200, 10, 10]), tok.volunteer, "image/png");
    const { fileId } = (await up.json()) as { fileId: string };
    expect(
      (await s.post({ type: "request.opened", payload: { requestId: "f5", householdId: "h1", kind: "leave" } }, tok.volunteer)).status,
    ).toBe(201);
    expect(
      (await s.post({ type: "request.document_added", payload: { requestId: "f5", document: "commitment_letter", fileId } }, tok.volunteer))
        .status,
    ).toBe(201);
    const read = async (token?: string | null) => (await s.api(`/api/files/${fileId}?size=thumb`, { token })).status;
    const got = {
      secretary: await read(),
      uploader: await read(tok.volunteer),
      household: await read(tok.h1),
      otherHousehold: await read(tok.h2),
      otherVolunteer: await read(tok.volunteer2),
      display: await read(tok.display),
      otherCommunity: await read(tok.otherH1),
      none: await read(null),
      unknown: (await s.api("/api/files/no-such-file")).status,
    };
    expect(got).toEqual({
      secretary: 200,
      uploader: 200,
      household: 200,
      otherHousehold: 404,
      otherVolunteer: 404,
      display: 403,
      otherCommunity: 404,
      none: 401,
      unknown: 404,
    });
  });

  it("FILE6 request.document_added takes a fileId of its community only: unknown or another community's is 409, nothing recorded", async () => {
    const other = await upload(await plainPng([1, 1, 200]), undefined, "image/png", "other");
    const { fileId } = (await other.json()) as { fileId: string };
    expect((await s.post({ type: "request.opened", payload: { requestId: "f6", householdId: "h2", kind: "leave" } })).status).toBe(201);
    const seq = (await s.snapshot()).seq;
    for (const id of ["never-uploaded", fileId]) {
      const r = await s.post({ type: "request.document_added", payload: { requestId: "f6", document: "commitment_letter", fileId: id } });
      expect([r.status, r.body.error.reason]).toEqual([409, "file_unknown"]);
    }
    expect((await s.snapshot()).seq).toBe(seq);
  });

  it("FILE7 the display never receives a document or its id: not on its socket (snapshot, counts, wall view), not over HTTP", async () => {
    const up = await upload(await plainPng([90, 160, 20]), tok.volunteer, "image/png");
    const { fileId } = (await up.json()) as { fileId: string };
    const wall = connect(s.url, { token: tok.display });
    await connected(wall);
    wall.emit("subscribe", { community: "default", wall: true });
    await waitFor(() => wall.received.some((m) => m.event === "wall"), "the first wall view", 10_000);
    expect(
      (await s.post({ type: "request.opened", payload: { requestId: "f7", householdId: "h3", kind: "medical", urgent: true } })).status,
    ).toBe(201);
    const added = await s.post({ type: "request.document_added", payload: { requestId: "f7", document: "commitment_letter", fileId } });
    expect(added.status).toBe(201);
    // The room hears the change (the queue grew): every message up to it is read for the id.
    await waitFor(() => (wall.latest()?.seq ?? 0) >= added.body.accepted[0].seq, "the display to catch up", 10_000);
    const urgentShown = () => wall.received.some((m) => m.event === "wall" && JSON.stringify(m.data).includes('"urgent":true'));
    await waitFor(urgentShown, "the urgent request on the wall view", 10_000);
    wall.close();
    expect(wall.received.length).toBeGreaterThan(2);
    for (const m of wall.received) expect(JSON.stringify(m.data), m.event).not.toContain(fileId);
    for (const path of ["/api/wall", "/api/snapshot"]) {
      const r = await s.api(path, { token: tok.display });
      expect(r.status, path).toBe(200);
      expect(await r.text(), path).not.toContain(fileId);
    }
    for (const path of ["/api/requests", "/api/requests/followed", "/api/events?after=0", "/api/history?entity=request&id=f7"])
      expect((await s.api(path, { token: tok.display })).status, path).toBe(403);
  });
});
