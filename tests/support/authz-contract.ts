// Why: contract section 2 as data: who may call each route and post each event type, and how a credential may travel.
import { randomUUID } from "node:crypto";
import { registrationEventId, volunteerId } from "../../server/domain/registry-import/ids";
import type { EventType } from "../../server/protocol/events";
import { ROLES, type Role } from "../../server/protocol/vocabularies";
import { type Expectation, status, success } from "./authz-matrix";
import type { TestServer } from "./server";

export type Caller = "none" | "bad" | "revoked" | Role;
export const CALLERS: readonly Caller[] = ["none", "bad", "revoked", "display", "street", "volunteer", "secretary", "resident"];
export const isRole = (c: Caller): c is Role => (ROLES as readonly string[]).includes(c);
export const COMMUNITY = "authz";
export const FOREIGN = "http://evil.example";

export type Allowed = readonly Role[] | "public" | "internal";
const ANY_ROLE: Allowed = ["secretary", "volunteer", "display", "street"];
const STAFF: Allowed = ["secretary", "volunteer"];
const SECRETARY: Allowed = ["secretary"];
/** Every role, a household's own token included (it reads who it is). */
const EVERY_ROLE: Allowed = ["secretary", "volunteer", "display", "street", "resident"];
/** What a household's own token may also post, for its own household and requests (contract section 7). */
const STAFF_AND_RESIDENT: Allowed = ["secretary", "volunteer", "resident"];
const SECRETARY_AND_RESIDENT: Allowed = ["secretary", "resident"];
/** The file the secretary uploads in the matrix's set-up and names in h1's request. */
export const matrixFile = { id: "" };
/** A picture uploaded through the JSON envelope, as a page signed in by the cookie sends it. */
export const MATRIX_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVR4nGMwTptpnDaTAUIBAB/uBMmHTtWQAAAAAElFTkSuQmCC";

/** What an accepted call leaves behind, checked after the matrix: refused calls must leave nothing. */
export type Effect = { kind: "events"; ids: string[] } | { kind: "minted"; label: string } | { kind: "revoked"; tokenId: string };
export type Call = { method: string; path: string; json?: unknown; effect?: Effect };
/** `refusedAs`: what a role outside `allowed` gets when it is not 403 (a file it may not know of is 404). */
export type RouteRow = {
  spec: string;
  allowed: Allowed;
  refusedAs?: Partial<Record<Role, number>>;
  call(n: number, s: TestServer): Call | Promise<Call>;
};

export const get = (path: string) => () => ({ method: "GET", path });
/** A token of `community` minted by the operator (a street token watching that one compound; a resident's for its household h1). */
export async function mintId(s: TestServer, role: Role, label: string, community = COMMUNITY): Promise<{ id: string; token: string }> {
  const json = {
    role,
    label,
    community,
    ...(role === "street" ? { communities: [community] } : {}),
    ...(role === "resident" ? { householdId: "h1" } : {}),
  };
  const r = await s.api("/api/tokens", { method: "POST", json });
  if (r.status !== 201) throw new Error(`minting a ${role} token answered ${r.status}: ${await r.text()}`);
  return r.json() as Promise<{ id: string; token: string }>;
}

/** Contract section 2 (with SPEC AUTH5, QUEUE2, WALL1) for every route: the test fails until a new route has its row. */
export const ROUTE_TABLE: RouteRow[] = [
  { spec: "GET /api/health", allowed: "public", call: get("/api/health") },
  { spec: "GET /api/snapshot", allowed: ANY_ROLE, call: get(`/api/snapshot?community=${COMMUNITY}`) },
  { spec: "GET /api/session", allowed: EVERY_ROLE, call: get("/api/session") },
  {
    spec: "POST /api/events",
    allowed: STAFF,
    call: (n) => {
      const id = randomUUID();
      const payload = { requestId: `cell-${n}`, householdId: "h2", kind: "supplies" };
      return {
        method: "POST",
        path: "/api/events",
        json: { id, type: "request.opened", community: COMMUNITY, payload },
        effect: { kind: "events", ids: [id] },
      };
    },
  },
  { spec: "GET /api/events", allowed: SECRETARY, call: get("/api/events?after=0&limit=5") },
  {
    spec: "POST /api/tokens",
    allowed: SECRETARY,
    call: (n) => ({
      method: "POST",
      path: "/api/tokens",
      json: { role: "display", label: `cell ${n}` },
      effect: { kind: "minted", label: `cell ${n}` },
    }),
  },
  { spec: "GET /api/tokens", allowed: SECRETARY, call: get("/api/tokens") },
  {
    spec: "DELETE /api/tokens/:id",
    allowed: SECRETARY,
    call: async (n, s) => {
      const { id } = await mintId(s, "display", `target ${n}`);
      return { method: "DELETE", path: `/api/tokens/${id}`, effect: { kind: "revoked", tokenId: id } };
    },
  },
  { spec: "GET /api/registry", allowed: STAFF, call: get(`/api/registry?community=${COMMUNITY}`) },
  { spec: "GET /api/requests", allowed: STAFF, call: get(`/api/requests?community=${COMMUNITY}`) },
  { spec: "GET /api/requests/followed", allowed: STAFF, call: get(`/api/requests/followed?community=${COMMUNITY}&building=b1`) },
  { spec: "GET /api/wall", allowed: ANY_ROLE, call: get(`/api/wall?community=${COMMUNITY}`) },
  {
    spec: "GET /api/wall/charts",
    allowed: ANY_ROLE,
    call: get(`/api/wall/charts?community=${COMMUNITY}&w=600&h=240&rem=16&lang=en&tz=UTC`),
  },
  {
    spec: "POST /api/registry/import",
    allowed: SECRETARY,
    call: (n) => {
      const name = `Matrix Cell ${n}`;
      const id = registrationEventId(COMMUNITY, "volunteer.registered", volunteerId(name, null));
      return {
        method: "POST",
        path: `/api/registry/import?community=${COMMUNITY}&kind=volunteers`,
        json: { file: Buffer.from(`name,skills\n${name},gate\n`).toString("base64") },
        effect: { kind: "events", ids: [id] },
      };
    },
  },
  { spec: "GET /api/untested", allowed: STAFF, call: get(`/api/untested?community=${COMMUNITY}`) },
  { spec: "GET /api/history", allowed: SECRETARY, call: get(`/api/history?community=${COMMUNITY}&entity=household&id=h1`) },
  { spec: "GET /api/reports/daily", allowed: ["secretary", "street"], call: get(`/api/reports/daily?community=${COMMUNITY}`) },
  {
    spec: "POST /api/files",
    allowed: STAFF_AND_RESIDENT,
    call: () => ({ method: "POST", path: `/api/files?community=${COMMUNITY}`, json: { file: MATRIX_PNG } }),
  },
  // The file named by h1's request (beforeAll): its household reads it, a volunteer who did not upload it is told nothing.
  {
    spec: "GET /api/files/:fileId",
    allowed: SECRETARY_AND_RESIDENT,
    refusedAs: { volunteer: 404 },
    call: () => get(`/api/files/${matrixFile.id}`)(),
  },
  { spec: "GET /api/my/requests", allowed: ["resident"], call: get("/api/my/requests") },
  { spec: "GET /api/street", allowed: ["street"], call: get("/api/street") },
  { spec: "GET /api/street/daily", allowed: ["street"], call: get("/api/street/daily?format=csv") },
  { spec: "GET /api/releases", allowed: SECRETARY, call: get(`/api/releases?community=${COMMUNITY}`) },
  { spec: "GET /api/outside", allowed: STAFF, call: get(`/api/outside?community=${COMMUNITY}`) },
  {
    spec: "POST /api/gate/scan",
    allowed: STAFF,
    call: async (n, s) => {
      // A fresh pass per cell: an urgent medical request, approved; its code as the desk shows it.
      const requestId = `scan-${n}`;
      const e = (type: string, payload: object) => ({ type, community: COMMUNITY, payload });
      await s.post({
        events: [
          e("request.opened", { requestId, householdId: "h1", kind: "medical", urgent: true }),
          e("request.approved", { requestId }),
        ],
      });
      const list = (await (await s.api(`/api/requests?community=${COMMUNITY}`)).json()) as {
        requests: { requestId: string; pass: { code: string } }[];
      };
      const code = list.requests.find((r) => r.requestId === requestId)?.pass.code;
      const id = randomUUID();
      return { method: "POST", path: "/api/gate/scan", json: { code, id }, effect: { kind: "events", ids: [id] } };
    },
  },
];

/** How the caller's credential travels. `guarded`: passes the cookie rule of v1.1 (own Origin and JSON), or is a Bearer token. */
export type Variant = { name: string; via: "bearer" | "cookie"; origin?: string; type?: string; guarded: boolean };
const JSON_TYPE = "application/json";
export const OWN = "own";
export const OTHER_PORT = "other-port";
export const READ_VARIANTS: Variant[] = [
  { name: "Bearer", via: "bearer", guarded: true },
  { name: "cookie", via: "cookie", guarded: true },
];
export const WRITE_VARIANTS: Variant[] = [
  { name: "Bearer", via: "bearer", type: JSON_TYPE, guarded: true },
  { name: "Bearer, foreign Origin", via: "bearer", origin: FOREIGN, type: JSON_TYPE, guarded: true },
  { name: "cookie, own Origin, JSON", via: "cookie", origin: OWN, type: JSON_TYPE, guarded: true },
  { name: "cookie, own Origin, JSON;charset", via: "cookie", origin: OWN, type: "application/json; charset=utf-8", guarded: true },
  { name: "cookie, foreign Origin", via: "cookie", origin: FOREIGN, type: JSON_TYPE, guarded: false },
  { name: "cookie, same host other port", via: "cookie", origin: OTHER_PORT, type: JSON_TYPE, guarded: false },
  { name: "cookie, Origin null", via: "cookie", origin: "null", type: JSON_TYPE, guarded: false },
  { name: "cookie, no Origin", via: "cookie", type: JSON_TYPE, guarded: false },
  { name: "cookie, text/plain", via: "cookie", origin: OWN, type: "text/plain;charset=UTF-8", guarded: false },
  { name: "cookie, form", via: "cookie", origin: OWN, type: "application/x-www-form-urlencoded", guarded: false },
  { name: "cookie, multipart", via: "cookie", origin: OWN, type: "multipart/form-data; boundary=authz", guarded: false },
  { name: "cookie, no Content-Type", via: "cookie", origin: OWN, guarded: false },
];

/** The contract's answer: 401 without a valid credential, 403 for a role not allowed or a cookie failing the v1.1 rule. */
export function expected(
  allowed: Allowed,
  caller: Caller,
  v: Variant = READ_VARIANTS[0] as Variant,
  refusedAs: Partial<Record<Role, number>> = {},
): Expectation {
  if (allowed === "public") return status(200);
  if (!isRole(caller)) return caller === "none" || v.guarded ? status(401) : status(401, 403);
  if (allowed === "internal") return status(400, 403);
  if (!v.guarded) return status(403);
  return allowed.includes(caller) ? success : status(refusedAs[caller] ?? 403);
}

export type Ev = { type: EventType; payload: object };
export const ev = (type: EventType, payload: object): Ev => ({ type, payload });
const opened = (kind: string, urgent = false) => ev("request.opened", { requestId: "q1", householdId: "h1", kind, urgent });
/**
 * `stateStatus`: what an allowed role gets because the matrix's community is not in a state that takes the event
 * (demo.cleared on a community without the demo: 409; DEMO1 covers the accepted case). The permission check passed.
 */
export type Scenario = { allowed: Allowed; setup?: Ev[]; payload: object; stateStatus?: number; othersStatus?: number };
/** `othersStatus`: what a volunteer gets for undoing what the secretary recorded (undo_not_yours): allowed to post, refused by the rule. */
const tapped = [ev("household.tested", { roundId: "r1", householdId: "h1" })];

/** Contract section 2's role table for every event type, each with a state in which it is accepted from an allowed role. */
export const EVENT_TABLE = {
  "building.registered": { allowed: SECRETARY, payload: { buildingId: "b9", label: "Building 9" } },
  "household.registered": { allowed: SECRETARY, payload: { householdId: "h9", buildingId: "b1", unit: "109", residents: 2 } },
  "household.updated": { allowed: SECRETARY, payload: { householdId: "h2", buildingId: "b1", unit: "102", residents: 4 } },
  "volunteer.registered": { allowed: SECRETARY, payload: { volunteerId: "v9", name: "Volunteer Nine", skills: [] } },
  "volunteer.updated": { allowed: SECRETARY, payload: { volunteerId: "v2", name: "Wang Fang", skills: ["gate"] } },
  "round.opened": { allowed: SECRETARY, setup: [ev("round.closed", { roundId: "r1" })], payload: { roundId: "r2", kind: "antigen" } },
  "round.closed": { allowed: SECRETARY, payload: { roundId: "r1" } },
  "household.tested": { allowed: STAFF, payload: { roundId: "r1", householdId: "h1" } },
  "test.result": {
    allowed: STAFF,
    setup: [ev("household.tested", { roundId: "r1", householdId: "h1" })],
    payload: { roundId: "r1", householdId: "h1", result: "negative" },
  },
  "building.sealed": { allowed: SECRETARY, payload: { buildingId: "b1" } },
  "building.unsealed": { allowed: SECRETARY, setup: [ev("building.sealed", { buildingId: "b1" })], payload: { buildingId: "b1" } },
  "volunteer.checked_in": { allowed: STAFF, payload: { volunteerId: "v1", post: "gate" } },
  "volunteer.checked_out": {
    allowed: STAFF,
    setup: [ev("volunteer.checked_in", { volunteerId: "v1", post: "gate" })],
    payload: { volunteerId: "v1" },
  },
  "request.opened": { allowed: STAFF_AND_RESIDENT, payload: { requestId: "q1", householdId: "h1", kind: "supplies" } },
  "request.document_added": {
    allowed: STAFF_AND_RESIDENT,
    setup: [opened("leave")],
    payload: { requestId: "q1", document: "commitment_letter" },
  },
  "request.approved": { allowed: SECRETARY, setup: [opened("supplies")], payload: { requestId: "q1", override: { reason: "matrix" } } },
  "request.rejected": { allowed: SECRETARY, setup: [opened("supplies")], payload: { requestId: "q1", reason: "matrix" } },
  "request.fulfilled": {
    allowed: SECRETARY,
    setup: [opened("supplies"), ev("request.approved", { requestId: "q1", override: { reason: "matrix" } })],
    payload: { requestId: "q1" },
  },
  "request.cancelled": { allowed: SECRETARY_AND_RESIDENT, setup: [opened("supplies")], payload: { requestId: "q1" } },
  "gate.out": {
    allowed: STAFF,
    setup: [opened("medical", true), ev("request.approved", { requestId: "q1" })],
    payload: { requestId: "q1" },
  },
  "gate.in": {
    allowed: STAFF,
    setup: [opened("medical", true), ev("request.approved", { requestId: "q1" }), ev("gate.out", { requestId: "q1" })],
    payload: { requestId: "q1" },
  },
  "alert.acknowledged": { allowed: SECRETARY, setup: [opened("medical", true)], payload: { requestId: "q1" } },
  "post.minimum_set": { allowed: SECRETARY, payload: { post: "gate", minimum: 3 } },
  "post.registered": { allowed: SECRETARY, payload: { post: "gate", nameZh: "门岗", nameEn: "Gate" } },
  "registry.mapping_set": { allowed: SECRETARY, payload: { kind: "households", columns: { 备注: "ignore" } } },
  "household.test_undone": {
    allowed: STAFF,
    setup: tapped,
    payload: { roundId: "r1", householdId: "h1", reason: "matrix" },
    othersStatus: 409,
  },
  "test.result_undone": {
    allowed: STAFF,
    setup: [...tapped, ev("test.result", { roundId: "r1", householdId: "h1", result: "negative" })],
    payload: { roundId: "r1", householdId: "h1", reason: "matrix" },
    othersStatus: 409,
  },
  "volunteer.checkin_undone": {
    allowed: STAFF,
    setup: [ev("volunteer.checked_in", { volunteerId: "v1", post: "gate" })],
    payload: { volunteerId: "v1", reason: "matrix" },
    othersStatus: 409,
  },
  "volunteer.merged": { allowed: SECRETARY, payload: { volunteerId: "v2", intoVolunteerId: "v1" } },
  "volunteer.retired": { allowed: SECRETARY, payload: { volunteerId: "v2" } },
  "household.vacated": { allowed: SECRETARY, payload: { householdId: "h2", status: "vacant" } },
  "household.reoccupied": {
    allowed: SECRETARY,
    setup: [ev("household.vacated", { householdId: "h2", status: "moved_out" })],
    payload: { householdId: "h2" },
  },
  "community.named": { allowed: SECRETARY, payload: { name: "幸福里" } },
  "demo.loaded": { allowed: "internal", payload: {} },
  "demo.cleared": { allowed: SECRETARY, payload: {}, stateStatus: 409 },
} satisfies Record<EventType, Scenario>;

/** Batches: one event a role may not post refuses the whole batch; `demo.loaded` is refused inside a batch too. */
export const BATCH_TABLE: { name: string; allowed: Allowed; events: Ev[] }[] = [
  {
    name: "batch: household.tested + building.sealed",
    allowed: SECRETARY,
    events: [ev("household.tested", { roundId: "r1", householdId: "h2" }), ev("building.sealed", { buildingId: "b2" })],
  },
  {
    name: "batch: household.tested + demo.loaded",
    allowed: "internal",
    events: [ev("household.tested", { roundId: "r1", householdId: "h2" }), ev("demo.loaded", {})],
  },
];
