/** The closed set of error codes the API answers with. */
export const ERROR_STATUS = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type Issue = { path: string; message: string };

/** The one error type: a code, a message that says what to do, and optional field issues. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];
  constructor(code: ErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toJSON() {
    const body: { code: ErrorCode; message: string; issues?: Issue[] } = { code: this.code, message: this.message };
    if (this.issues.length > 0) body.issues = this.issues;
    return { error: body };
  }
}

export const conflict = (message: string, path = "") => new AppError("conflict", message, path ? [{ path, message }] : []);

/** Maps anything thrown to an AppError; unknown errors become a generic 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError("internal", "Internal error; the event was not recorded. Try again, and report it if it persists.");
}
