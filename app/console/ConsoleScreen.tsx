"use client";
import { REQUEST_KINDS } from "../../server/protocol/vocabularies";
import { ConnectionBadge } from "../_components/ConnectionBadge";
import { DemoBanner } from "../_components/DemoBanner";
import { KpiValue } from "../_components/KpiValue";
import { SignInNotice } from "../_components/SignInNotice";
import { DOORS } from "../_i18n/doors";
import { OUTBOX } from "../_i18n/outbox";
import { useLang } from "../_i18n/use-lang";
import { useLive } from "../_live/use-live";
import { Decisions } from "./Decisions";
import { DocumentFields } from "./DocumentFields";
import { DoorList } from "./DoorList";
import { Choice, EventForm, Field } from "./EventForm";
import { HouseholdPicker } from "./HouseholdPicker";
import { useKeptRound } from "./kept";
import { OfflineInstall } from "./OfflineInstall";
import { OutboxNotice, useOutboxSender } from "./OutboxNotice";
import { OutboxPanel } from "./OutboxPanel";
import { PostField } from "./PostField";
import { RequestNumber } from "./RequestNumber";
import { setLastRequest } from "./request-number";
import { TaskNav } from "./TaskNav";
import { type Task, useTask } from "./tasks";
import { useSession } from "./use-session";
import { VolunteerField } from "./VolunteerField";
import { WhoAmI } from "./WhoAmI";

const text = (f: FormData, name: string) => {
  const v = String(f.get(name) ?? "").trim();
  return v === "" ? undefined : v;
};
const id = (f: FormData, name: string) => text(f, name) ?? "";

/** One task's part of the console: shown when it is the task at hand, kept mounted (and hidden) otherwise. */
function TaskView({ id, task, children }: { id: Task; task: Task; children: React.ReactNode }) {
  return (
    <div data-task={id} hidden={id !== task} className={id === task ? "flex flex-col gap-4" : "hidden"}>
      {children}
    </div>
  );
}

/**
 * Volunteers' phones, task first: knock doors, check in or out, open a request, what was decided, what waits
 * on this phone; one at a time under big buttons, with the round's live progress on top.
 */
export function ConsoleScreen() {
  const live = useLive();
  const session = useSession(live.snapshot?.seq);
  const { lang, t, toggle } = useLang();
  const c = t.console;
  // Opened without a connection: the round last seen on this phone.
  const round = useKeptRound(live.snapshot);
  const posts = t.wall.posts;
  const labels = { submit: c.submit, ok: c.recorded, lang };
  const pick = DOORS[lang].pickFirst;
  const task = useTask();
  useOutboxSender();
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 p-4">
      {live.snapshot?.demo && <DemoBanner text={t.demo} />}
      <header className="flex items-center justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">{t.consoleTitle}</h1>
          <WhoAmI session={session} lang={lang} />
        </div>
        <button type="button" onClick={toggle} className="rounded px-2 py-1 text-sm ring-1 ring-slate-700">
          {t.language}
        </button>
      </header>
      <ConnectionBadge live={live} t={t} locale={lang} />
      <OfflineInstall />
      <OutboxNotice lang={lang} />
      {live.authError && !live.snapshot ? (
        <>
          <SignInNotice text={OUTBOX[lang].signInNeeded} />
          <OutboxPanel lang={lang} />
        </>
      ) : (
        <>
          <p className="text-slate-300">
            {t.kpi.householdsTested}:{" "}
            <KpiValue name="householdsTested" counts={live.snapshot?.counts} locale={lang} className="text-3xl font-bold text-white" /> /{" "}
            <KpiValue name="householdsTotal" counts={live.snapshot?.counts} locale={lang} />
            {round ? ` · ${round.label ?? round.roundId}` : ""}
          </p>
          <TaskNav lang={lang} task={task} />
          <TaskView id="doors" task={task}>
            <DoorList lang={lang} />
            <EventForm
              id="tested"
              title={c.tested.title}
              {...labels}
              build={(f) => {
                if (!round) return c.noRound;
                if (!text(f, "householdId")) return pick;
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
              <HouseholdPicker name="householdId" label={c.household} lang={lang} />
              <Field label={c.tested.residents} name="residentsTested" type="number" min={0} max={50} inputMode="numeric" />
            </EventForm>
            <EventForm
              id="result"
              title={c.result.title}
              {...labels}
              build={(f) =>
                round && text(f, "householdId")
                  ? { type: "test.result", payload: { roundId: round.roundId, householdId: id(f, "householdId"), result: id(f, "result") } }
                  : round
                    ? pick
                    : c.noRound
              }
            >
              <HouseholdPicker name="householdId" label={c.household} lang={lang} />
              <Choice label={c.result.title} name="result" options={{ negative: c.result.negative, positive: c.result.positive }} />
            </EventForm>
          </TaskView>
          <TaskView id="duty" task={task}>
            <EventForm
              id="check-in"
              title={c.checkIn.title}
              {...labels}
              build={(f) => ({ type: "volunteer.checked_in", payload: { volunteerId: id(f, "volunteerId"), post: id(f, "post") } })}
            >
              <VolunteerField label={c.volunteer} session={session} lang={lang} />
              <PostField label={c.checkIn.post} lang={lang} fallback={posts} />
            </EventForm>
            <EventForm
              id="check-out"
              title={c.checkOut.title}
              {...labels}
              build={(f) => ({ type: "volunteer.checked_out", payload: { volunteerId: id(f, "volunteerId") } })}
            >
              <VolunteerField label={c.volunteer} session={session} lang={lang} />
            </EventForm>
          </TaskView>
          <TaskView id="request" task={task}>
            <EventForm
              id="request"
              title={c.open.title}
              {...labels}
              build={(f) =>
                !text(f, "householdId")
                  ? pick
                  : {
                      type: "request.opened",
                      payload: {
                        requestId: id(f, "requestId"),
                        householdId: id(f, "householdId"),
                        kind: id(f, "kind"),
                        urgent: f.get("urgent") === "on",
                        ...(text(f, "note") ? { note: text(f, "note") } : {}),
                        ...(text(f, "person") ? { person: text(f, "person") } : {}),
                      },
                    }
              }
              onMade={(e) => {
                // Straight on to the request's documents, with its number already filled in.
                setLastRequest(String(e.event.payload.requestId));
                document.querySelector('form[data-form="document"]')?.scrollIntoView({ block: "start", behavior: "smooth" });
              }}
            >
              <RequestNumber label={OUTBOX[lang].requestNumber} />
              <HouseholdPicker name="householdId" label={c.household} lang={lang} />
              <Choice label={c.open.kind} name="kind" options={Object.fromEntries(REQUEST_KINDS.map((k) => [k, t.wall.requestKind[k]]))} />
              <label className="flex items-center gap-2 text-lg">
                <input type="checkbox" name="urgent" className="size-5" /> {c.open.urgent}
              </label>
              <Field label={c.open.person} name="person" />
              <Field label={c.open.note} name="note" />
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
              <DocumentFields lang={lang} />
            </EventForm>
          </TaskView>
          <TaskView id="decided" task={task}>
            <Decisions lang={lang} />
          </TaskView>
          <TaskView id="outbox" task={task}>
            <OutboxPanel lang={lang} />
          </TaskView>
        </>
      )}
    </main>
  );
}
