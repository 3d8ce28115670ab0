import { type Params, type Reason, render } from "./protocol/reasons";
import { EN } from "./protocol/reasons-en";

/** The closed set of error codes the API answers with. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
/** A field's problem: the English message, and (v1.2) its reason and parameters for a screen to translate. */
export type Issue = { path: string; message: string; reason?: Reason; params?: Params };

/** The English text of a reason: the one template table (server/protocol/reasons-en.ts). */
export const english = (reason: Reason, params: Params = {}) => render(EN, { reason, params });

/**
 * The one error type: a code (the HTTP status), a reason with parameters (what a screen translates), an English
 * message written from the reason's template unless given (scripts and logs read it), and optional field issues.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly reason: Reason;
  readonly params: Params;
  readonly issues: Issue[];
  constructor(code: ErrorCode, reason: Reason, params: Params = {}, opts: { message?: string; issues?: Issue[] } = {}) {
    super(opts.message ?? english(reason, params));
    this.code = code;
    this.reason = reason;
    this.params = params;
    this.issues = opts.issues ?? [];
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** The same refusal told with another message or issues (an event's index, a file's line). */
  retold(message: string, issues: Issue[] = this.issues): AppError {
    return new AppError(this.code, this.reason, this.params, { message, issues });
  }
  toJSON() {
    const body: { code: ErrorCode; reason: Reason; params: Params; message: string; issues?: Issue[] } = {
      code: this.code,
      reason: this.reason,
      params: this.params,
      message: this.message,
    };
    if (this.issues.length > 0) body.issues = this.issues;
    return { error: body };
  }
}

/** A refusal from the template table; with `path`, one issue naming the field. */
export function fail(code: ErrorCode, reason: Reason, params: Params = {}, path = ""): AppError {
  const message = english(reason, params);
  return new AppError(code, reason, params, { message, issues: path ? [{ path, message, reason, params }] : [] });
}

/** A 409 against the current state or a rule, e.g. `conflict("volunteer_already_on_duty", { volunteerId }, "payload.volunteerId")`. */
export const conflict = (reason: Reason, params: Params = {}, path = "") => fail("conflict", reason, params, path);

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "25006", // read_only_sql_transaction: a standby during failover
  "3D000", // invalid_catalog_name: the database is gone
  "28000", // invalid_authorization_specification
  "28P01", // invalid_password
]);

/** Whether an error (or one it wraps) says the database cannot be reached, rather than that the request was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = String((e as { code?: unknown }).code ?? "");
    if (CONNECTION_CODES.has(code) || code.startsWith("08")) return true;
  }
  return false;
}

/** Maps anything thrown to an AppError: an unreachable database is a 503, anything else unknown a generic 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return new AppError("unavailable", "db_unavailable");
  return new AppError("internal", "internal_error");
}
