import pino from "pino";

/** The process logger; tokens and cookies are redacted wherever they appear. */
export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ["token", "*.token", "req.headers.authorization", "req.headers.cookie", "headers.cookie", "headers.authorization"],
      censor: "[redacted]",
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
