import { z } from "zod";

const flag = z.enum(["0", "1"]).optional();

/** Whether Intl knows `name` as a time zone. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional(),
  /** Connections each node keeps to PostgreSQL (plus one for LISTEN): nodes × (pool + 1) must fit max_connections. */
  DATABASE_POOL: z.coerce.number().int().min(2).max(100).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  /** A long random secret: it is a secretary's key, and a short one is guessed. */
  ADMIN_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters (a secretary's key); use a long random value, e.g. `openssl rand -base64 24`")
    .max(200)
    .optional(),
  DEMO: flag,
  /** `0`: serve only /api and Socket.IO, no pages (API nodes, API tests). */
  UI: flag,
  /** Secret that seals session cookies; default: generated once and kept in the database. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Requests per second one token may make to /api before answers turn to 429. */
  RATE_LIMIT: z.coerce.number().int().min(1).default(100),
  /** Failed token checks one address may make a minute (API, sign-in links, sockets) before it is shut out for a minute. */
  AUTH_FAILURE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Socket.IO connections one token may hold on each node; more handshakes are refused (connect_error too_many_sockets). */
  SOCKETS_PER_TOKEN: z.coerce.number().int().min(1).default(20),
  /** /api/health calls a second per address. */
  HEALTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** `1` behind a reverse proxy of ours: the client's address is the last hop in X-Forwarded-For. */
  TRUST_PROXY: flag,
  /** Milliseconds of the simulated feed's tick; lower is busier. */
  DEMO_TICK_MS: z.coerce.number().int().min(10).default(2000),
  /** Where `next build` wrote the pages (next.config.js reads the same variable). */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The compound's time zone (IANA name): the daily report's day runs from midnight to midnight here. */
  REPORT_TIME_ZONE: z
    .string()
    .refine(isTimeZone, "must be an IANA time zone such as Asia/Shanghai or Europe/Berlin")
    .default("Asia/Shanghai"),
  /** A PEM certificate (chain) file: with TLS_KEY the server itself speaks HTTPS (docs/deploy.md says how to make one). */
  TLS_CERT: z.string().min(1).optional(),
  /** The PEM private key of TLS_CERT. */
  TLS_KEY: z.string().min(1).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /**
   * The address browsers use (`https://cordon.example.org`): printed sign-in links, the only origin
   * allowed to use the session cookie, and the cookie's Secure flag when it is https.
   * Unset: the request's own Host is the origin.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), "must start with http:// or https://")
    .optional(),
});

const checked = schema.refine((e) => Boolean(e.TLS_CERT) === Boolean(e.TLS_KEY), {
  message: "TLS_CERT and TLS_KEY go together: set both (HTTPS) or neither (HTTP)",
  path: ["TLS_KEY"],
});

export type Env = z.infer<typeof schema>;

/** Parses the environment once; throws a readable error naming each bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = checked.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
