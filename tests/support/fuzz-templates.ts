// Why: one schema-valid event of every type, with each field's kind, for the fuzzer to break in exactly one place.

/** What a field holds, so the fuzzer knows which replacements are certainly invalid. */
export type Kind = "id" | "text" | "enum" | "int" | "bool" | "date" | "phone" | "post" | "texts" | "unit" | "object";

export interface Field {
  /** Keys from the event's top; `[]` is the event itself. */
  path: string[];
  kind: Kind;
  /** Dropping it makes the event invalid. */
  required: boolean;
  /** Inclusive range for `int` fields. */
  range?: [number, number];
}

export interface Template {
  event: Record<string, unknown>;
  fields: Field[];
}

const f = (path: string, kind: Kind, required = true, range?: [number, number]): Field => ({
  path: path.split("."),
  kind,
  required,
  ...(range ? { range } : {}),
});

/** A report an hour old: valid whenever the suite runs. */
const REPORT_AT = new Date(Date.now() - 3_600_000).toISOString();

const t = (type: string, payload: Record<string, unknown>, fields: Field[]): Template => ({
  event: { type, occurredAt: "2026-01-05T09:12:00+08:00", community: "default", payload },
  fields: [
    f("id", "id", false),
    f("type", "enum"),
    f("occurredAt", "date", false),
    f("community", "id", false),
    f("payload", "object"),
    ...fields.map((x) => ({ ...x, path: ["payload", ...x.path] })),
  ],
});

/** Valid for the schema and, in a compound with b1, h1, v1, round r1 and request q1, mostly for the state too. */
export const TEMPLATES: Template[] = (
  [
    t("building.registered", { buildingId: "b9", label: "Building 9" }, [f("buildingId", "id"), f("label", "text")]),
    t(
      "household.registered",
      { householdId: "h9", buildingId: "b1", unit: "909", residents: 3, contact: { name: "Chen Jing", phone: "13800138000" } },
      [
        f("householdId", "id"),
        f("buildingId", "id"),
        f("unit", "unit"),
        f("residents", "int", true, [0, 50]),
        f("contact", "object", false),
        f("contact.name", "text", false),
        f("contact.phone", "phone", false),
      ],
    ),
    t("volunteer.registered", { volunteerId: "v9", name: "Zhou Min", phone: "+86 138 0013 8000", skills: ["testing", "driving"] }, [
      f("volunteerId", "id"),
      f("name", "text"),
      f("phone", "phone", false),
      f("skills", "texts", false),
    ]),
    t("round.opened", { roundId: "r9", kind: "antigen", label: "Round 9" }, [
      f("roundId", "id"),
      f("kind", "enum"),
      f("label", "text", false),
    ]),
    t("round.closed", { roundId: "r1" }, [f("roundId", "id")]),
    t("household.tested", { roundId: "r1", householdId: "h1", residentsTested: 2 }, [
      f("roundId", "id"),
      f("householdId", "id"),
      f("residentsTested", "int", false, [0, 50]),
    ]),
    t("test.result", { roundId: "r1", householdId: "h1", result: "negative" }, [
      f("roundId", "id"),
      f("householdId", "id"),
      f("result", "enum"),
    ]),
    t("building.sealed", { buildingId: "b1", reason: "a positive case" }, [f("buildingId", "id"), f("reason", "text", false)]),
    t("building.unsealed", { buildingId: "b1" }, [f("buildingId", "id")]),
    t("volunteer.checked_in", { volunteerId: "v1", post: "gate" }, [f("volunteerId", "id"), f("post", "post")]),
    t("volunteer.checked_out", { volunteerId: "v1" }, [f("volunteerId", "id")]),
    t("request.opened", { requestId: "q9", householdId: "h1", kind: "medical", urgent: true, note: "insulin", person: "Li Wei" }, [
      f("requestId", "id"),
      f("householdId", "id"),
      f("kind", "enum"),
      f("urgent", "bool", false),
      f("note", "text", false),
      f("person", "text", false),
    ]),
    t("request.document_added", { requestId: "q1", document: "commitment_letter" }, [f("requestId", "id"), f("document", "enum")]),
    t("request.document_added", { requestId: "q1", document: "test_report", testedAt: REPORT_AT }, [
      f("requestId", "id"),
      f("document", "enum"),
      f("testedAt", "date"),
    ]),
    t("request.approved", { requestId: "q1", note: "checked", override: { reason: "doctor's letter" } }, [
      f("requestId", "id"),
      f("note", "text", false),
      f("override", "object", false),
      f("override.reason", "text"),
    ]),
    t("request.rejected", { requestId: "q1", reason: "no letter" }, [f("requestId", "id"), f("reason", "text")]),
    t("request.fulfilled", { requestId: "q1" }, [f("requestId", "id")]),
    t("request.cancelled", { requestId: "q1" }, [f("requestId", "id")]),
    t("alert.acknowledged", { alertId: 1 }, [f("alertId", "int", true, [1, Number.MAX_SAFE_INTEGER])]),
    t("alert.acknowledged", { requestId: "q1" }, [f("requestId", "id")]),
    t("post.minimum_set", { post: "gate", minimum: 2 }, [f("post", "post"), f("minimum", "int", true, [0, 1000])]),
  ] as Template[]
).map((x, i) => ({ ...x, event: { id: `fuzz-template-${i}`, ...x.event } }));
