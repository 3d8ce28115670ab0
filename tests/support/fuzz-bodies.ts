// Why: generators of malformed POST /api/events bodies, each broken in a way the contract certainly refuses (a 4xx).
import fc from "fast-check";
import { type Field, TEMPLATES, type Template } from "./fuzz-templates";
import { futureDate, invalidFor, oddDate, oddString, unstorable } from "./fuzz-values";

/** One request to send: bytes, content type, the statuses the contract allows, and (for a batch) the bad event's index. */
export interface Body {
  what: string;
  data: string | Uint8Array;
  contentType: string | null;
  expect: number[];
  badIndex?: number;
}

/** A JSON literal spliced into the text as is (numbers beyond double range, nesting deeper than JSON.stringify would build). */
export class Raw {
  constructor(readonly text: string) {}
}

/** JSON text with `Raw` values spliced in. */
export function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v) => {
    if (!(v instanceof Raw)) return v;
    raws.push(v.text);
    return `__raw_${raws.length - 1}__`;
  });
  return raws.reduce((acc, raw, i) => acc.replace(`"__raw_${i}__"`, raw), text ?? "null");
}

const get = (o: unknown, path: string[]): unknown => path.reduce<any>((x, k) => x?.[k], o);

function edit(event: Record<string, unknown>, path: string[], change: (parent: Record<string, unknown>, key: string) => void) {
  const copy = structuredClone(event);
  const parent = get(copy, path.slice(0, -1)) as Record<string, unknown>;
  change(parent, path[path.length - 1]!);
  return copy;
}

const setAt = (e: Record<string, unknown>, path: string[], v: unknown) =>
  edit(e, path, (p, k) => {
    Object.defineProperty(p, k, { value: v, enumerable: true, writable: true, configurable: true });
  });
const dropAt = (e: Record<string, unknown>, path: string[]) =>
  edit(e, path, (p, k) => {
    delete p[k];
  });

const show = (v: unknown) => {
  const s = v instanceof Raw ? v.text : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 60)}…(${s.length})` : s;
};

export const TYPES = [...new Set(TEMPLATES.map((t) => String(t.event.type)))];
const template = fc.nat(TEMPLATES.length - 1).map((i) => TEMPLATES[i]!);
const present = (t: Template) => t.fields.filter((f) => get(t.event, f.path) !== undefined);

/** Objects of the template that take no keys but their own: the event, its payload, and nested objects. */
const levels = (t: Template) => [
  [],
  ...present(t)
    .filter((f) => f.kind === "object")
    .map((f) => f.path),
];

const extraKey = fc.oneof(
  oddString,
  fc.constantFrom("__proto__", "constructor", "toString", "", "\u0000", "\ud800", "Type", "PAYLOAD", "events", "x".repeat(300)),
);

const deep = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([d, arrays]) => ({ d, arrays, raw: new Raw(arrays ? "[".repeat(d) + "]".repeat(d) : `${'{"a":'.repeat(d)}1${"}".repeat(d)}`) }));

const RAW_NUMBERS = ["1e400", "-1e400", "123456789012345678901234567890", "1E2", "0.5", "-0.0", "1e-400", "9007199254740993"];
const rawNumber = (f: Field) =>
  fc.constantFrom(...RAW_NUMBERS).filter((text) => {
    const n = JSON.parse(text) as number;
    const [lo, hi] = f.range ?? [0, 0];
    return !(Number.isSafeInteger(n) && n >= lo && n <= hi);
  });

export interface Broken {
  what: string;
  event: unknown;
}

/** A template broken in exactly one place: a required field dropped, a wrong value, an unknown key or type, deep nesting. */
export const brokenEvent: fc.Arbitrary<Broken> = template.chain((t) => {
  const type = String(t.event.type);
  const fields = present(t);
  const ints = fields.filter((f) => f.kind === "int");
  const options: fc.Arbitrary<Broken>[] = [
    fc
      .constantFrom(...fields.filter((f) => f.required))
      .map((f) => ({ what: `${type} without ${f.path.join(".")}`, event: dropAt(t.event, f.path) })),
    fc.constantFrom(...fields).chain((f) =>
      invalidFor(f, get(t.event, f.path)).map((v) => ({
        what: `${type} ${f.path.join(".")}=${show(v)}`,
        event: setAt(t.event, f.path, v),
      })),
    ),
    fc.tuple(fc.constantFrom(...levels(t)), extraKey, fc.jsonValue({ maxDepth: 2 })).map(([level, key, v]) => {
      const k = Object.keys(get(t.event, level) as object).includes(key) ? `${key}_extra` : key;
      return { what: `${type} extra key ${show(k)} in /${level.join("/")}`, event: setAt(t.event, [...level, k], v) };
    }),
    fc
      .oneof(oddString, fc.constantFrom("Building.Registered", `${type} `, "building", "", `${type}\u0000`))
      .filter((x) => !TYPES.includes(x))
      .map((x) => ({ what: `type ${show(x)}`, event: setAt(t.event, ["type"], x) })),
    fc.tuple(fc.constantFrom(...fields), deep).map(([f, { d, arrays, raw }]) => ({
      what: `${type} ${f.path.join(".")} = ${arrays ? "arrays" : "objects"} nested ${d} deep`,
      event: setAt(t.event, f.path, raw),
    })),
    fc.constantFrom(null, 1, "household.tested", true, [], [t.event]).map((v) => ({ what: `body ${show(v)}`, event: v })),
  ];
  if (ints.length > 0)
    options.push(
      fc
        .constantFrom(...ints)
        .chain((f) => rawNumber(f).map((n) => ({ what: `${type} ${f.path.join(".")}=${n}`, event: setAt(t.event, f.path, new Raw(n)) }))),
    );
  return fc.oneof(...options);
});

const json = (b: Broken, expect = [400]): Body => ({ what: b.what, data: serialize(b.event), contentType: "application/json", expect });

/** FUZZ1: one broken event as the body. */
export const brokenBody = brokenEvent.map((b) => json(b));

/** FUZZ1: NUL or a lone surrogate inside a string value of any field (a list's item included). */
export const unstorableBody: fc.Arbitrary<Body> = template.chain((t) => {
  const strings = present(t).filter((f) => typeof get(t.event, f.path) === "string" || f.kind === "texts");
  return fc.tuple(fc.constantFrom(...strings), unstorable, fc.nat()).map(([f, bad, at]) => {
    const old = get(t.event, f.path);
    const s = Array.isArray(old) ? String(old[0]) : String(old);
    const i = at % (s.length + 1);
    const v = s.slice(0, i) + bad + s.slice(i);
    const value = Array.isArray(old) ? [v] : v;
    // 409 too: a rule may refuse the event before anything is stored; what matters is a 4xx and nothing stored.
    return json({ what: `${t.event.type} ${f.path.join(".")}=${show(value)}`, event: setAt(t.event, f.path, value) }, [400, 409]);
  });
});

/** FUZZ1: `occurredAt` and `testedAt` that no clock can mean; `occurredAt` in the future (a future `testedAt` is a 409). */
export const oddDateBody: fc.Arbitrary<Body> = template.chain((t) =>
  fc
    .constantFrom(...present(t).filter((f) => f.kind === "date"))
    .chain((f) => (f.path[0] === "occurredAt" ? fc.oneof(oddDate, futureDate) : oddDate).map((v) => ({ f, v })))
    // Year 0000 is a well-formed ISO 8601 date that PostgreSQL cannot store: a rule may refuse the event first (409).
    .map(({ f, v }) =>
      json(
        { what: `${t.event.type} ${f.path.join(".")}=${v}`, event: setAt(t.event, f.path, v) },
        v.startsWith("0000") ? [400, 409] : [400],
      ),
    ),
);

/** FUZZ1: a batch of schema-valid events with one broken event at `badIndex`, or a batch that is itself malformed. */
export const batchBody: fc.Arbitrary<Body> = fc.oneof(
  fc
    .tuple(
      fc.array(
        template.map((t) => t.event),
        { maxLength: 6 },
      ),
      fc.array(
        template.map((t) => t.event),
        { maxLength: 6 },
      ),
      brokenEvent,
    )
    .filter(([, , b]) => b.event !== null && typeof b.event === "object" && !Array.isArray(b.event))
    .map(([before, after, b]) => ({
      ...json({ what: `batch, event ${before.length}: ${b.what}`, event: { events: [...before, b.event, ...after] } }),
      badIndex: before.length,
    })),
  fc
    .oneof(
      fc.constantFrom(null, 1, "x", {}, [], [null], [[]], [1]).map((events) => ({ events })),
      fc
        .tuple(
          extraKey.filter((k) => k !== "events"),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .map(([k, v]) => {
          const body = { events: [TEMPLATES[0]!.event] };
          Object.defineProperty(body, k, { value: v, enumerable: true });
          return body;
        }),
      fc.constant({ events: Array.from({ length: 1001 }, () => TEMPLATES[0]!.event) }),
    )
    .map((event) => json({ what: `batch ${show(event)}`, event })),
);
