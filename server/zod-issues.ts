// Why: zod's issues become the error model's issues, each with one of a few reasons a screen can translate.
import type { z } from "zod";
import { AppError, type Issue } from "./errors";
import type { Params, ReasonRef } from "./protocol/reasons";

type ZodIssue = z.core.$ZodIssue;

/** Which of our own regex messages a pattern failure carries: told apart by the pattern's allowed characters. */
function patternReason(i: ZodIssue): ReasonRef["reason"] {
  const pattern = String((i as { pattern?: unknown }).pattern ?? "");
  if (pattern.includes("\\p{L}")) return "bad_post_name";
  if (pattern.includes("0-9 ()")) return "not_a_phone";
  return "not_an_id";
}

/** One zod issue as a reason: `required`, `too_long`, `not_an_id`, `bad_date`, …; `invalid_value` when nothing fits. */
export function issueReason(i: ZodIssue, path: string): ReasonRef {
  const p: Params = path ? { path } : {};
  const n = (v: unknown) => Number(v);
  switch (i.code) {
    case "invalid_type":
      if (/received undefined$/.test(i.message)) return { reason: "required", params: p };
      if (i.expected === "int") return { reason: "not_whole_number", params: p };
      return { reason: "wrong_type", params: { ...p, expected: String(i.expected) } };
    case "too_small":
      if (i.origin === "string" && n(i.minimum) <= 1) return { reason: "empty_text", params: p };
      if (i.origin === "number" || i.origin === "int") return { reason: "too_small", params: { ...p, minimum: n(i.minimum) } };
      return { reason: "too_short", params: { ...p, minimum: n(i.minimum) } };
    case "too_big":
      if (i.origin === "string") return { reason: "too_long", params: { ...p, maximum: n(i.maximum) } };
      if (i.origin === "array" || i.origin === "set") return { reason: "too_many", params: { ...p, maximum: n(i.maximum) } };
      return { reason: "too_big", params: { ...p, maximum: n(i.maximum) } };
    case "invalid_format":
      if (i.format === "datetime" || i.format === "date") return { reason: "bad_date", params: p };
      if (i.format === "base64") return { reason: "not_base64", params: p };
      if (i.format === "regex") return { reason: patternReason(i), params: p };
      return { reason: "invalid_value", params: p };
    case "invalid_value":
      return { reason: "bad_choice", params: { ...p, options: i.values.map(String).join(", ") } };
    case "unrecognized_keys":
      return { reason: "unknown_field", params: { ...p, keys: i.keys.join(", ") } };
    case "invalid_union":
      if ("options" in i && Array.isArray(i.options))
        return { reason: "bad_choice", params: { ...p, options: i.options.map(String).join(", ") } };
      return { reason: "invalid_value", params: p };
    case "custom":
      if (/year 2000/.test(i.message)) return { reason: "before_2000", params: p };
      if (/calendar date/.test(i.message)) return { reason: "bad_date", params: p };
      return { reason: "invalid_value", params: p };
    default:
      return { reason: "invalid_value", params: p };
  }
}

/** zod's issues as the error model's: `path` joined (after `prefix`), zod's message kept, reason and params added. */
export function zodIssues(issues: readonly ZodIssue[], prefix = ""): (Issue & ReasonRef)[] {
  return issues.map((i) => {
    const path = [prefix, i.path.join(".")].filter(Boolean).join(".");
    return { path, message: i.message, ...issueReason(i, path) };
  });
}

/** A 400 `validation` whose reason is its first issue's; the message is the caller's English. */
export function invalid(message: string, issues: Issue[]): AppError {
  const first = issues[0];
  return new AppError("validation", first?.reason ?? "invalid_value", first?.params ?? {}, { message, issues });
}
