"use client";
import { useMemo } from "react";
import type { SeriesPoint } from "../../server/domain/wall-series";
import { AlarmBanner, type Shortage } from "../_components/AlarmBanner";
import { BuildingGrid } from "../_components/BuildingGrid";
import { DemoBanner } from "../_components/DemoBanner";
import { SignInNotice } from "../_components/SignInNotice";
import { StaleOverlay } from "../_components/StaleOverlay";
import { fmtTime } from "../_components/wall-format";
import { postName } from "../_i18n/post-name";
import { useLang } from "../_i18n/use-lang";
import { freshness, lastHeard } from "../_live/freshness";
import { useLive } from "../_live/use-live";
import { useNow } from "../_live/use-now";
import { FittedQueue } from "./FittedQueue";
import { useVersionReload } from "./use-version-reload";
import { WallCharts } from "./WallCharts";
import { WallHeader } from "./WallHeader";
import { WallKpis } from "./WallKpis";

const NO_POINTS: SeriesPoint[] = [];
/** Above this many buildings the grid takes the whole width, and the queue joins the charts' row. */
const WIDE_GRID = 48;

/** The office wall: the compound at a glance from across the room, live, never silently stale, never a person. */
export function WallScreen() {
  const live = useLive(undefined, { wall: true });
  const { lang, t, toggle } = useLang();
  const now = useNow(1000);
  useVersionReload(live.firstVersion, live.version);
  const wall = live.wall;
  const state = freshness(now, lastHeard(live.since, live.heartbeatAt, live.updatedAt));
  const serverNow = now + live.clockOffset;
  const labels = useMemo(() => new Map((wall?.buildings ?? []).map((b) => [b.buildingId, b.label])), [wall?.buildings]);
  const shortages = useMemo(
    () =>
      (wall?.posts ?? []).flatMap((p): Shortage[] =>
        p.minimum !== null && p.onDuty < p.minimum ? [{ post: p.post, onDuty: p.onDuty, minimum: p.minimum, name: postName(p, lang) }] : [],
      ),
    [wall?.posts, lang],
  );
  const points = wall?.series.points ?? NO_POINTS;
  const chartTitles = useMemo(() => ({ tests: t.wall.chartTests, onDuty: t.wall.chartOnDuty, pending: t.wall.chartPending }), [t]);
  const wide = (wall?.buildings.length ?? 0) > WIDE_GRID;
  const queue = (
    <FittedQueue
      queue={wall?.queue ?? { total: 0, urgentWaiting: 0, approved: 0, oldestOpenedAt: null, items: [] }}
      labels={labels}
      now={serverNow}
      locale={lang}
      t={t.wall}
    />
  );
  return (
    <main data-wall data-freshness={state} className="relative flex h-screen flex-col overflow-hidden">
      {live.snapshot?.demo && <DemoBanner text={t.demo} large />}
      <WallHeader
        live={live}
        t={t}
        lang={lang}
        toggle={toggle}
        round={wall?.round ?? null}
        name={wall?.name ?? live.snapshot?.name ?? null}
        stale={state !== "fresh"}
      />
      {live.authError && !live.snapshot ? (
        <SignInNotice text={t.signIn} />
      ) : (
        <>
          <AlarmBanner
            alerts={wall?.alerts ?? { total: 0, items: [] }}
            shortages={shortages}
            labels={labels}
            now={serverNow}
            locale={lang}
            t={t.wall}
          />
          <div
            data-layout={wide ? "wide" : "split"}
            className={`grid min-h-0 flex-1 gap-4 px-6 pb-5 transition-[filter,opacity] ${
              wide ? "grid-rows-[auto_minmax(24rem,10fr)_minmax(0,7fr)]" : "grid-rows-[auto_minmax(0,1fr)_minmax(0,0.75fr)]"
            } ${state === "expired" ? "opacity-60 grayscale" : ""}`}
          >
            <WallKpis c={live.snapshot?.counts} wall={wall} now={serverNow} locale={lang} t={t} />
            <div className={`grid min-h-0 gap-4 ${wide ? "grid-cols-1" : "grid-cols-[2fr_1fr]"}`}>
              <BuildingGrid
                buildings={wall?.buildings ?? []}
                title={t.wall.grid}
                sealedWord={t.wall.sealed}
                positiveWord={t.wall.positive}
              />
              {!wide && queue}
            </div>
            <div className={`grid min-h-0 gap-4 ${wide ? "grid-cols-[1.3fr_1fr_1fr_1fr]" : "grid-cols-3"}`}>
              {wide && queue}
              <WallCharts points={points} titles={chartTitles} lang={lang} />
            </div>
          </div>
          {state === "expired" && <StaleOverlay text={t.wall.expired(live.updatedAt ? fmtTime(live.updatedAt, lang) : t.never)} />}
        </>
      )}
    </main>
  );
}
