import { z } from "zod";

const flag = z.enum(["0", "1"]).optional();

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  ADMIN_TOKEN: z.string().min(1).optional(),
  DEMO: flag,
  /** `0`: serve only /api and Socket.IO, no pages (API nodes, API tests). */
  UI: flag,
  /** Secret that seals session cookies; default: generated once and kept in the database. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Requests per second one token may make to /api before answers turn to 429. */
  RATE_LIMIT: z.coerce.number().int().min(1).default(100),
  /** Milliseconds of the simulated feed's tick; lower is busier. */
  DEMO_TICK_MS: z.coerce.number().int().min(10).default(2000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Public address used in the printed sign-in links. */
  PUBLIC_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof schema>;

/** Parses the environment once; throws a readable error naming each bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
