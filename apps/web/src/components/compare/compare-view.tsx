"use client";
/** The compare view: overlay one metric for many runs, grouped (mean ± band) by any hyperparameter, smoothed, zoomable. */
import { decodeFloat32, decodeInt32 } from "@actlab/api/series-codec";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from "react";
import { PageHead } from "@/components/page-head";
import { Verdict } from "@/components/verdict/verdict";
import {
  bucketsForWidth,
  type CompareState,
  compareQueryInput,
  compareStateToQuery,
  parseCompareState,
  patchCompareState,
  SERVER_BUCKETS,
  zoomFromDrag,
} from "@/lib/compare-state";
import { useTRPC } from "@/trpc/client";
import { CompareChart } from "./compare-chart";
import { download, linesToCsv, linesToJson, linesToSvg, svgToPng } from "./compare-export";
import { CompareLegend } from "./compare-legend";
import { buildLines, summaryScope } from "./compare-model";
import { CompareToolbar } from "./compare-toolbar";
import { ParallelCoords } from "./parallel-coords";

const X_LABELS = {
  step: "step",
  epoch: "epoch",
  wall: "wall time (s)",
  relative: "time since start (s)",
} as const;

/**
 * Where a saved view's comparison comes from: its stored query string, and for a public link the share
 * token (data then comes from `share.compare`, which needs no sign-in). Given one, the view is read-only:
 * no Save button, and toolbar changes stay on the page instead of rewriting the URL.
 */
export type SavedCompareSource = { state: string; shareToken?: string };

export function CompareView({
  saved,
  saveButton,
}: {
  saved?: SavedCompareSource;
  /** Drawn beside the export buttons with the current state as a query string: the live page's "Save view". */
  saveButton?: (query: string) => ReactNode;
} = {}) {
  const trpc = useTRPC();
  const params = useSearchParams();
  const urlState = useMemo(() => parseCompareState(new URLSearchParams(params.toString())), [params]);
  const [savedState, setSavedState] = useState(() =>
    saved ? parseCompareState(new URLSearchParams(saved.state)) : null,
  );
  // Next.js brings useSearchParams up to date in a transition, later than the click: until then the
  // change is held here, or a controlled checkbox would spring back and the control lag behind the hand.
  const [pending, setPending] = useState<{ state: CompareState; before: string } | null>(null);
  const held = pending?.before === params.toString() ? pending.state : null;
  const state = savedState ?? held ?? urlState;
  // The History API, not router.replace: Next.js syncs useSearchParams with it and asks the server for
  // nothing, so smoothing or hiding redraws the loaded data and only a new query input reaches the API.
  // The URL is read at the change, so two changes before a render both stay.
  const set = (patch: Partial<CompareState>) => {
    if (savedState) return setSavedState(patchCompareState(savedState, patch));
    const next = patchCompareState(parseCompareState(new URLSearchParams(window.location.search)), patch);
    setPending({ state: next, before: params.toString() });
    window.history.replaceState(null, "", `${window.location.pathname}?${compareStateToQuery(next)}`);
  };
  // The bucket count is the chart's width in pixels: measured before the first query, so it runs once.
  const [width, setWidth] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    setWidth(Math.max(200, Math.round(box.current?.clientWidth ?? 1000)));
  }, []);
  const input = compareQueryInput(state, width === null ? SERVER_BUCKETS : bucketsForWidth(width));
  const ready = state.runs.length > 0 && width !== null;
  const refetchInterval = (q: { state: { data?: { runs: { status: string }[] } } }) =>
    q.state.data?.runs.some((r) => r.status === "RUNNING" || r.status === "QUEUED") ? 3000 : false;
  // Both hooks always run (hook order), only one is enabled: a share link cannot call runs.compare.
  const direct = useQuery({
    ...trpc.runs.compare.queryOptions(input, { enabled: ready && !saved?.shareToken }),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const { runIds: _runs, keys: _keys, ...shareInput } = input;
  const shared = useQuery({
    ...trpc.share.compare.queryOptions(
      { ...shareInput, token: saved?.shareToken ?? "" },
      { enabled: ready && Boolean(saved?.shareToken) },
    ),
    placeholderData: keepPreviousData,
    refetchInterval,
  });
  const query = saved?.shareToken ? shared : direct;
  const series = useMemo(
    () =>
      (query.data?.series ?? []).map((p) => ({
        ...p,
        steps: decodeInt32(p.steps),
        values: decodeFloat32(p.values),
        min: p.min ? decodeFloat32(p.min) : null,
        max: p.max ? decodeFloat32(p.max) : null,
      })),
    [query.data],
  );
  const model = useMemo(
    () =>
      query.data
        ? buildLines({
            runs: query.data.runs,
            series,
            key: state.key,
            x: state.x,
            group: state.group,
            band: state.band,
            smooth: state.smooth,
            members: state.members,
            hide: state.hide,
            zoom: state.zoom,
          })
        : { lines: [], stats: [] },
    [query.data, series, state],
  );
  const pcRuns = useMemo(() => {
    const last = new Map(
      series
        .filter((s) => s.key === state.key)
        .map((s) => [s.runId, [...s.values].reverse().find((v) => v !== null) ?? null]),
    );
    return (query.data?.runs ?? []).map((r) => ({
      id: r.id,
      params: r.params,
      metric: last.get(r.id) ?? null,
    }));
  }, [query.data, series, state.key]);
  const groupKeys = useMemo(() => {
    const keys = new Set<string>();
    for (const r of query.data?.runs ?? []) for (const k of Object.keys(r.params)) keys.add(k);
    return ["none", ...[...keys].sort()];
  }, [query.data]);

  if (state.runs.length === 0) {
    return (
      <div className="panel empty" data-testid="compare-empty">
        <h2>Nothing to compare yet</h2>
        <p>Select runs in the runs table, or open a sweep and press “Compare runs”.</p>
        <Link className="btn btn-primary" href="/">
          Go to runs
        </Link>
      </div>
    );
  }
  const title = `${state.key} · ${state.runs.length} runs${state.group !== "none" ? ` · by ${state.group}` : ""}`;
  const exportName = `actlab-${state.key.replace(/\W+/g, "_")}`;
  return (
    <div className="grid">
      <PageHead title="Compare" sub={title}>
        <div className="row">
          {saveButton?.(compareStateToQuery(state))}
          <button
            type="button"
            className="btn"
            onClick={() => download(`${exportName}.csv`, linesToCsv(model.lines, state.x), "text/csv")}
          >
            CSV
          </button>
          <button
            type="button"
            className="btn"
            onClick={() =>
              download(`${exportName}.json`, linesToJson(model.lines, { ...state }), "application/json")
            }
          >
            JSON
          </button>
          <button
            type="button"
            className="btn"
            onClick={() =>
              void svgToPng(
                linesToSvg(model.lines, { width: 960, height: 480, logY: state.log, title }),
                960,
                480,
              ).then((png) => download(`${exportName}.png`, png))
            }
          >
            PNG
          </button>
          <button
            type="button"
            className="btn"
            onClick={() =>
              download(
                `${exportName}.svg`,
                linesToSvg(model.lines, { width: 960, height: 480, logY: state.log, title }),
                "image/svg+xml",
              )
            }
          >
            SVG
          </button>
        </div>
      </PageHead>
      <CompareToolbar
        state={state}
        set={set}
        keys={query.data?.availableKeys ?? [state.key]}
        groupKeys={groupKeys}
      />
      {query.isError ? (
        <div className="alert">Could not load the comparison: {query.error.message}</div>
      ) : null}
      {query.data?.missing.length ? (
        <div className="alert">{query.data.missing.length} selected run(s) no longer exist.</div>
      ) : null}
      <section className="panel" ref={box}>
        <div className="chart-title">
          <h2>{state.key}</h2>
          <span className="muted">
            {state.zoom ? (
              <button type="button" className="btn" onClick={() => set({ zoom: null })}>
                Reset zoom
              </button>
            ) : (
              "drag to zoom · double-click to reset"
            )}
          </span>
        </div>
        {query.isPending ? (
          <div className="skeleton" style={{ height: 420 }} />
        ) : model.lines.length === 0 ? (
          <div className="empty" style={{ height: 420 }}>
            No points for {state.key} in these runs yet.
          </div>
        ) : (
          <CompareChart
            lines={model.lines}
            logY={state.log}
            xLabel={X_LABELS[state.x]}
            xKind={state.x === "step" || state.x === "epoch" ? "count" : "seconds"}
            yLabel={state.key}
            zoom={state.zoom}
            onZoom={(range) => set({ zoom: range && zoomFromDrag(state.x, range) })}
          />
        )}
      </section>
      <CompareLegend
        stats={model.stats}
        hidden={state.hide}
        metric={state.key}
        band={state.band}
        scope={summaryScope(state.x, state.zoom)}
        zoomed={state.zoom !== null}
        onToggle={(g) =>
          set({ hide: state.hide.includes(g) ? state.hide.filter((h) => h !== g) : [...state.hide, g] })
        }
      />
      {pcRuns.length > 1 ? <ParallelCoords runs={pcRuns} metricKey={state.key} /> : null}
      {/* A public link reads only the comparison it shares; the verdict needs a member's access. */}
      {state.runs.length > 1 && !saved?.shareToken ? <Verdict runIds={state.runs} /> : null}
    </div>
  );
}
