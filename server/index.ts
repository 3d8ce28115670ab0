import { startCordon } from "./app";
import { readEnv } from "./env";
import { createLogger } from "./log";

// Whatever this process writes (the embedded database, the start-up links) is its owner's only.
process.umask(0o077);
const env = readEnv();
const log = createLogger(env.LOG_LEVEL);
const dev = process.argv.includes("--dev");
const started = Date.now();

startCordon(env, log, { dev })
  .then((app) => {
    const base = env.PUBLIC_URL?.replace(/\/$/, "") ?? app.url;
    const db = app.handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL (PGlite) in ${env.DATA_DIR}`;
    const lines = [
      "",
      `Cordon is listening on ${app.url} (${env.HOST}:${app.port}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      `  database:  ${db}`,
      `  demo:      ${app.demo ? "on (demo compound and simulated feed; DEMO=0 turns it off)" : "off"}`,
      "",
      "  Open on the secretary's laptop, already signed in (书记的电脑：工作台，已登录):",
      `  secretary: ${base}/?token=${app.links.secretary}`,
      "  Open once on the office wall screen, already signed in (办公室墙上大屏：打开一次即可):",
      `  wall:      ${base}/wall?token=${app.links.display}`,
      "  Volunteers' phone links and QR cards: the desk's People page (志愿者手机链接与二维码：工作台的“人员”页)",
      "",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "shutting down");
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      app.close().then(
        () => process.exit(0),
        (err) => {
          log.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
  })
  .catch((err) => {
    process.stderr.write(`Cordon could not start: ${(err as Error).message}\n`);
    log.debug({ err }, "start-up failed");
    process.exit(1);
  });
