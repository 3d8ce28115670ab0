"use client";
import { REQUEST_KINDS } from "../../drizzle/schema/constants";
import { ConnectionBadge } from "../_components/ConnectionBadge";
import { DemoBanner } from "../_components/DemoBanner";
import { KpiValue } from "../_components/KpiValue";
import { SignInNotice } from "../_components/SignInNotice";
import { useLang } from "../_i18n/use-lang";
import { useLive } from "../_live/use-live";
import { Choice, EventForm, Field } from "./EventForm";

const text = (f: FormData, name: string) => {
  const v = String(f.get(name) ?? "").trim();
  return v === "" ? undefined : v;
};
const id = (f: FormData, name: string) => text(f, name) ?? "";

/** Volunteers' phones: quick forms for the operations of the role, with the round's live progress on top. */
export function ConsoleScreen() {
  const live = useLive();
  const { lang, t, toggle } = useLang();
  const c = t.console;
  const round = live.snapshot?.round;
  const posts = t.wall.posts;
  const labels = { submit: c.submit, ok: c.recorded };
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 p-4">
      {live.snapshot?.demo && <DemoBanner text={t.demo} />}
      <header className="flex items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{t.consoleTitle}</h1>
        <button type="button" onClick={toggle} className="rounded px-2 py-1 text-sm ring-1 ring-slate-700">
          {t.language}
        </button>
      </header>
      <ConnectionBadge live={live} t={t} locale={lang} />
      {live.authError && !live.snapshot ? (
        <SignInNotice text={t.signIn} />
      ) : (
        <>
          <p className="text-slate-300">
            {t.kpi.householdsTested}:{" "}
            <KpiValue name="householdsTested" counts={live.snapshot?.counts} locale={lang} className="text-3xl font-bold text-white" /> /{" "}
            <KpiValue name="householdsTotal" counts={live.snapshot?.counts} locale={lang} />
            {round ? ` · ${round.roundId}` : ""}
          </p>
          <EventForm
            id="tested"
            title={c.tested.title}
            {...labels}
            build={(f) => {
              if (!round) return c.noRound;
              const residents = text(f, "residentsTested");
              return {
                type: "household.tested",
                payload: {
                  roundId: round.roundId,
                  householdId: id(f, "householdId"),
                  ...(residents ? { residentsTested: Number(residents) } : {}),
                },
              };
            }}
          >
            <Field label={c.household} name="householdId" required autoComplete="off" />
            <Field label={c.tested.residents} name="residentsTested" type="number" min={0} max={50} inputMode="numeric" />
          </EventForm>
          <EventForm
            id="result"
            title={c.result.title}
            {...labels}
            build={(f) =>
              round
                ? { type: "test.result", payload: { roundId: round.roundId, householdId: id(f, "householdId"), result: id(f, "result") } }
                : c.noRound
            }
          >
            <Field label={c.household} name="householdId" required autoComplete="off" />
            <Choice label={c.result.title} name="result" options={{ negative: c.result.negative, positive: c.result.positive }} />
          </EventForm>
          <EventForm
            id="check-in"
            title={c.checkIn.title}
            {...labels}
            build={(f) => ({ type: "volunteer.checked_in", payload: { volunteerId: id(f, "volunteerId"), post: id(f, "post") } })}
          >
            <Field label={c.volunteer} name="volunteerId" required autoComplete="off" />
            <Choice label={c.checkIn.post} name="post" options={posts} />
          </EventForm>
          <EventForm
            id="check-out"
            title={c.checkOut.title}
            {...labels}
            build={(f) => ({ type: "volunteer.checked_out", payload: { volunteerId: id(f, "volunteerId") } })}
          >
            <Field label={c.volunteer} name="volunteerId" required autoComplete="off" />
          </EventForm>
          <EventForm
            id="request"
            title={c.open.title}
            {...labels}
            build={(f) => ({
              type: "request.opened",
              payload: {
                requestId: text(f, "requestId") ?? `r-${crypto.randomUUID().slice(0, 8)}`,
                householdId: id(f, "householdId"),
                kind: id(f, "kind"),
                urgent: f.get("urgent") === "on",
                ...(text(f, "note") ? { note: text(f, "note") } : {}),
                ...(text(f, "person") ? { person: text(f, "person") } : {}),
              },
            })}
          >
            <Field label={c.household} name="householdId" required autoComplete="off" />
            <Choice label={c.open.kind} name="kind" options={Object.fromEntries(REQUEST_KINDS.map((k) => [k, t.wall.requestKind[k]]))} />
            <label className="flex items-center gap-2 text-lg">
              <input type="checkbox" name="urgent" className="size-5" /> {c.open.urgent}
            </label>
            <Field label={c.open.person} name="person" />
            <Field label={c.open.note} name="note" />
            <Field label={c.request} name="requestId" placeholder="r-…" autoComplete="off" />
          </EventForm>
          <EventForm
            id="document"
            title={c.document.title}
            {...labels}
            build={(f) => {
              const document = id(f, "document");
              const testedAt = text(f, "testedAt");
              return {
                type: "request.document_added",
                payload: {
                  requestId: id(f, "requestId"),
                  document,
                  ...(document === "test_report" && testedAt ? { testedAt: new Date(testedAt).toISOString() } : {}),
                },
              };
            }}
          >
            <Field label={c.request} name="requestId" required autoComplete="off" />
            <Choice
              label={c.document.kind}
              name="document"
              options={{ commitment_letter: c.document.letter, test_report: c.document.report }}
            />
            <Field label={c.document.testedAt} name="testedAt" type="datetime-local" />
          </EventForm>
        </>
      )}
    </main>
  );
}
