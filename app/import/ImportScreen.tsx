"use client";
// Why: the secretary's import screen: choose a file, read the preview, import with a progress bar, watch the counts follow.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportSummary } from "../../server/domain/registry-import/types";
import { ConnectionBadge } from "../_components/ConnectionBadge";
import { DemoBanner } from "../_components/DemoBanner";
import { KpiValue } from "../_components/KpiValue";
import { SignInNotice } from "../_components/SignInNotice";
import { IMPORT } from "../_i18n/import";
import { IMPORT_READ, lineList } from "../_i18n/import-read";
import { errorText, type Reasoned } from "../_i18n/reasons";
import { useLang } from "../_i18n/use-lang";
import { liveClient } from "../_live/client";
import { screenCommunity } from "../_live/community";
import { useLive } from "../_live/use-live";
import { type Choices, ImportForm } from "./ImportForm";
import { ImportPreview } from "./ImportPreview";
import { ImportProgress } from "./ImportProgress";
import { type Answer, fileToBase64, type Progress, sendImport } from "./send-file";

type Outcome = { status: number; summary?: ImportSummary; message?: string; error?: Reasoned };
type Run = { percent: number; label: string; outcome?: Outcome };

const outcomeOf = (a: Answer): Outcome =>
  a.status < 300
    ? { status: a.status, summary: a.body }
    : { status: a.status, summary: a.body?.error?.summary, message: a.body?.error?.message, error: a.body?.error };
const importable = (s: ImportSummary) => [...Object.values(s.new), ...Object.values(s.changed)].some((n) => n > 0);
const query = (c: Choices, dryRun: boolean) =>
  new URLSearchParams({
    community: c.community || "default",
    kind: c.kind,
    ...(dryRun ? { dryRun: "1" } : {}),
    ...(c.skip ? { skipBadRows: "1" } : {}),
    ...(c.sheet ? { sheet: c.sheet } : {}),
    ...(Object.keys(c.mapping).length ? { mapping: JSON.stringify(c.mapping) } : {}),
  });

/** /import: a file in, a preview out; nothing is recorded until Import, and then all of it at once. */
export function ImportScreen() {
  const { lang, t: base, toggle } = useLang();
  const t = IMPORT[lang];
  const [choices, setChoices] = useState<Choices>({
    file: null,
    kind: "households",
    community: "default",
    skip: false,
    mapping: {},
    sheet: "",
  });
  const [preview, setPreview] = useState<Outcome | "reading" | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const asked = useRef(0);
  const live = useLive(choices.community || "default");
  const s = live.snapshot;

  // The compound's id is a field for the operator only (who loads several compounds); a secretary imports into their own.
  const [operator, setOperator] = useState(false);
  useEffect(() => {
    const c = screenCommunity();
    setChoices((v) => ({ ...v, community: c }));
    fetch("/api/session", { credentials: "same-origin", cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ operator?: boolean }>) : null))
      .then((b) => setOperator(b?.operator === true))
      .catch(() => {});
  }, []);

  const doPreview = useCallback(async (c: Choices) => {
    if (!c.file) return setPreview(null);
    const n = ++asked.current;
    setPreview("reading");
    try {
      const a = await sendImport(query(c, true).toString(), { file: await fileToBase64(c.file), name: c.file.name });
      if (n === asked.current) setPreview(outcomeOf(a));
    } catch (err) {
      if (n === asked.current) setPreview({ status: 0, message: (err as Error).message });
    }
  }, []);

  useEffect(() => {
    setRun(null);
    void doPreview(choices);
  }, [choices, doPreview]);

  const doImport = async () => {
    const c = choices;
    if (!c.file) return;
    const show = (p: Progress) =>
      setRun(
        p.stage === "upload"
          ? { percent: (p.done / Math.max(1, p.total)) * 20, label: t.uploading }
          : { percent: 20 + (p.done / Math.max(1, p.total)) * 80, label: t.recording(p.done, p.total) },
      );
    setRun({ percent: 0, label: t.uploading });
    try {
      const a = await sendImport(query(c, false).toString(), { file: await fileToBase64(c.file), name: c.file.name }, show);
      const outcome = outcomeOf(a);
      const ok = a.status < 300;
      setRun({ percent: ok ? 100 : 0, label: ok ? t.done(changesIn(outcome.summary)) : t.refused, outcome });
      // A community that had no events refused the live subscription; now it exists, so ask again.
      if (ok) liveClient(c.community || "default").socket.emit("subscribe", { community: c.community || "default" });
      // The preview is read again, so it now says what the registry holds, and the file cannot be imported twice by mistake.
      if (ok) void doPreview(c);
    } catch (err) {
      setRun({ percent: 0, label: t.failed((err as Error).message), outcome: { status: 0, message: (err as Error).message } });
    }
  };

  const ready = preview && preview !== "reading" && preview.status === 200 && preview.summary;
  const running = run && !run.outcome;
  if (preview && preview !== "reading" && preview.status === 401) return <SignInNotice text={base.signIn} />;
  return (
    <main className="mx-auto max-w-4xl p-6">
      {s?.demo && <DemoBanner text={base.demo} />}
      <header className="flex items-center justify-between py-4">
        <div className="flex items-baseline gap-4">
          <a href="/" className="text-sm text-sky-300 underline">
            {t.back}
          </a>
          <h1 className="text-2xl font-semibold">{t.title}</h1>
        </div>
        <div className="flex items-center gap-3">
          <ConnectionBadge live={live} t={base} locale={lang} />
          <button type="button" onClick={toggle} className="rounded px-2 py-1 text-sm ring-1 ring-slate-700">
            {base.language}
          </button>
        </div>
      </header>
      <p className="mb-4 text-slate-300">{t.intro}</p>
      <section className="rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
        <ImportForm value={choices} onChange={setChoices} t={t} showCommunity={operator} />
      </section>
      <section
        data-preview={preview === "reading" ? "reading" : (preview?.status ?? "none")}
        className="mt-4 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800"
      >
        <h2 className="mb-2 text-lg font-semibold">{t.preview}</h2>
        {preview === "reading" && <p className="text-slate-400">{t.reading}</p>}
        {preview && preview !== "reading" && preview.status === 403 && <p className="text-red-300">{t.secretaryOnly}</p>}
        {preview && preview !== "reading" && preview.message && preview.status !== 403 && !preview.summary?.errors.length && (
          <p data-preview-error className="text-red-300">
            {errorText(preview.error, lang, preview.message)}
          </p>
        )}
        {preview && preview !== "reading" && preview.summary && (
          <ImportPreview
            summary={preview.summary}
            kind={choices.kind}
            skip={choices.skip}
            t={t}
            lang={lang}
            onMap={(column, field) => setChoices((c) => ({ ...c, mapping: { ...c.mapping, [column]: field } }))}
            onSheet={(sheet) => setChoices((c) => ({ ...c, sheet, mapping: {} }))}
          />
        )}
        {ready && preview.summary?.demo && (
          <p className="mt-3 rounded bg-fuchsia-950 p-3 text-fuchsia-100 ring-1 ring-fuchsia-700">{t.demo}</p>
        )}
        {ready && preview.summary && !importable(preview.summary) && <p className="mt-3 text-slate-300">{t.nothing}</p>}
        <div className="mt-4 flex items-center gap-4">
          <button
            type="button"
            data-import-button
            disabled={!ready || !preview.summary || !importable(preview.summary) || preview.summary.demo || Boolean(running)}
            onClick={doImport}
            className="rounded bg-sky-400 px-4 py-2 font-semibold text-slate-950 disabled:cursor-not-allowed disabled:opacity-40"
          >
            {t.importButton}
          </button>
        </div>
        {run && (
          <div data-import-result={run.outcome ? (run.outcome.status < 300 ? "ok" : "error") : "running"} className="mt-4 space-y-2">
            <ImportProgress percent={run.percent} label={run.label} />
            {run.outcome?.message && <p className="text-red-300">{errorText(run.outcome.error, lang, run.outcome.message)}</p>}
            {run.outcome && run.outcome.status < 300 && leftOut(run.outcome.summary) && (
              <p
                data-import-skipped={leftOut(run.outcome.summary)}
                className="rounded bg-amber-950/60 p-2 text-amber-200 ring-1 ring-amber-800"
              >
                {IMPORT_READ[lang].afterImport(
                  run.outcome.summary?.errors.length ?? 0,
                  lineList(run.outcome.summary?.errors.map((e) => e.line) ?? []),
                  run.outcome.summary?.skipped?.length ?? 0,
                )}
              </p>
            )}
          </div>
        )}
      </section>
      <section className="mt-4 rounded-lg bg-slate-900 p-4 ring-1 ring-slate-800">
        <h2 className="mb-2 text-lg font-semibold">
          {/* The compound by its name (本小区 until named), never its id. */}
          {t.now} · {s?.name ?? base.ourCompound}
        </h2>
        <dl className="grid grid-cols-3 gap-4">
          {(["buildingsTotal", "householdsTotal", "volunteersTotal"] as const).map((k) => (
            <div key={k}>
              <dt className="text-sm text-slate-400">{base.kpi[k]}</dt>
              <dd className="text-3xl font-semibold">
                <KpiValue name={k} counts={s?.counts} locale={lang} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}

/** How many rows an import left out (bad rows skipped, totals): it stays on the screen after the import. */
const leftOut = (s: ImportSummary | undefined) => (s ? s.errors.length + (s.skipped?.length ?? 0) : 0);

const changesIn = (s: ImportSummary | undefined) =>
  s ? [...Object.values(s.new), ...Object.values(s.changed)].reduce((a, b) => a + b, 0) : 0;
