// `npm run import -- FILE`: previews a registry file against the running server, asks, then imports it with a progress bar.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import type { ImportKind, ImportSummary } from "../server/domain/registry-import/types";
import { readEnv } from "../server/env";
import { MAX_FILE_BYTES } from "../server/http/read-body";
import { type Answer, postFile } from "./import-http";
import { describeChanges, previewLines, somethingToImport } from "./import-print";

const HELP = `npm run import -- FILE [--kind households|volunteers] [--community c] [--yes] [--skip-bad-rows]
                       [--url URL] [--token TOKEN]

Imports a registry file (CSV in UTF-8 or GBK, or .xlsx) into the running server, all or nothing:
shows the preview (new, changed, unchanged, every bad row with its line), asks, then imports.
  --kind           households (default) or volunteers; a file named like volunteers*/志愿* is volunteers
  --community      the community to import into (default: default)
  --sheet          the workbook's sheet to read: its name or its position from 1 (default: the first with a header)
  --yes            import without asking (needed when not at a terminal)
  --skip-bad-rows  import the good rows and list the bad ones, instead of refusing the file
  --url            the server (default: PUBLIC_URL, else http://localhost:PORT)
  --token          a secretary token (default: ADMIN_TOKEN)
Exit status: 0 imported or nothing to do; 1 refused, not confirmed or failed; 2 wrong usage.`;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const out = (...lines: string[]) => process.stdout.write(`${(lines.length ? lines : [""]).join("\n")}\n`);

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      community: { type: "string", default: "default" },
      yes: { type: "boolean", short: "y", default: false },
      "skip-bad-rows": { type: "boolean", default: false },
      sheet: { type: "string" },
      url: { type: "string" },
      token: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) return null;
  const env = readEnv();
  const kind = (values.kind ?? (/volunteer|志愿/i.test(path.basename(file)) ? "volunteers" : "households")) as ImportKind;
  if (kind !== "households" && kind !== "volunteers") return null;
  return {
    file,
    kind,
    community: values.community,
    yes: values.yes,
    skipBadRows: values["skip-bad-rows"],
    sheet: values.sheet,
    url: values.url ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    token: values.token ?? env.ADMIN_TOKEN,
  };
}

type Options = NonNullable<ReturnType<typeof options>>;

function endpoint(o: Options, dryRun: boolean): URL {
  const url = new URL("/api/registry/import", o.url);
  url.search = new URLSearchParams({
    community: o.community,
    kind: o.kind,
    ...(dryRun ? { dryRun: "1" } : {}),
    ...(o.skipBadRows ? { skipBadRows: "1" } : {}),
    ...(o.sheet ? { sheet: o.sheet } : {}),
  }).toString();
  return url;
}

/** The summary of an answer, or why there is none (printed with the summary when the server gave one). */
function summaryOf(a: Answer): { summary?: ImportSummary; error?: string } {
  if (a.status === 200 || a.status === 201) return { summary: a.body as ImportSummary };
  const e = a.body?.error;
  return { summary: e?.summary, error: `${a.status} ${e?.code ?? ""}: ${e?.message ?? JSON.stringify(a.body)}` };
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

async function importWithProgress(o: Options, type: string, bytes: Buffer): Promise<Answer> {
  const bar = new cliProgress.SingleBar(
    { format: " {stage} |{bar}| {percentage}% | {value}/{total} {unit}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(bytes.length, 0, { stage: "upload", unit: "bytes" });
  let stage = "upload";
  try {
    return await postFile(endpoint(o, false), o.token ?? "", type, bytes, {
      uploaded: (sent) => bar.update(sent),
      recorded(done, total) {
        if (stage !== "record") {
          stage = "record";
          bar.setTotal(total);
          bar.update(0, { stage: "record", unit: "rows" });
        }
        bar.update(done);
      },
    });
  } finally {
    bar.stop();
  }
}

async function main(): Promise<number> {
  const o = options();
  if (!o) {
    out(HELP);
    return 2;
  }
  if (!o.token) {
    out("No token: pass --token <a secretary token> or set ADMIN_TOKEN.");
    return 2;
  }
  if (statSync(o.file).size > MAX_FILE_BYTES) {
    out(`${o.file} is over ${MAX_FILE_BYTES / 1024 / 1024} MiB; split it.`);
    return 1;
  }
  const bytes = readFileSync(o.file);
  const type = /\.xlsx$/i.test(o.file) ? XLSX : "text/csv";
  const preview = summaryOf(await postFile(endpoint(o, true), o.token, type, bytes));
  if (preview.summary) for (const l of previewLines(o.file, o.community, o.kind, preview.summary, o.skipBadRows)) out(l);
  if (preview.error) {
    out("", `Refused: ${preview.error}`);
    if (preview.summary?.errors.length && !o.skipBadRows) out("Nothing was imported. Fix the rows above, or pass --skip-bad-rows.");
    return 1;
  }
  const summary = preview.summary as ImportSummary;
  if (!somethingToImport(summary)) {
    out("", "Nothing to import: every row is already registered as it is.");
    return 0;
  }
  out("");
  if (!o.yes) {
    if (!process.stdin.isTTY) {
      out("Not imported: confirm with --yes when not at a terminal.");
      return 1;
    }
    if (!(await confirm(`Import ${describeChanges(summary)} into community ${o.community}? [y/N] `))) {
      out("Not imported.");
      return 1;
    }
  }
  const done = summaryOf(await importWithProgress(o, type, bytes));
  if (done.error) {
    out(`Refused: ${done.error}`, "Nothing was imported.");
    return 1;
  }
  out(`Imported ${describeChanges(done.summary as ImportSummary)} into community ${o.community}, in one transaction.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    out(`Import failed: ${err.message}`);
    process.exit(1);
  },
);
