"use client";
/** The run page: status, progress, live loss/accuracy charts, summary, config and log lines. */
import { METRIC } from "@actlab/core";
import { flattenParams } from "@actlab/db/params";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { useCanEdit } from "@/components/account/role-context";
import { RunCollaboration } from "@/components/collaboration/collaboration-panel";
import { KeyValue } from "@/components/key-value";
import { type ChartLine, MetricChart } from "@/components/metric-chart";
import { RunData } from "@/components/run-data";
import { RunInsights } from "@/components/run-insights/run-insights";
import { RunMetricsGrid } from "@/components/run-metrics-grid";
import { RunArtifacts, RunLoggedParams } from "@/components/run-tracked-details";
import { StatusBadge } from "@/components/status-badge";
import { formatMetric, formatSeconds } from "@/lib/format";
import type { Series } from "@/lib/series";
import { useLiveRun } from "@/lib/use-live-run";
import { useTRPC } from "@/trpc/client";

const HEADLINE_KEYS = new Set([
  "dataset.name",
  "dataset.samples",
  "dataset.noise",
  "hiddenLayers",
  "activation",
  "optimizer",
  "lr",
  "batchSize",
  "epochs",
  "seed",
  "init",
  "loss",
]);
const EMPTY: Series = { steps: [], values: [] };
const COLORS = { train: "#6366f1", val: "#f97316", ghost: "rgba(99,102,241,0.35)" };

export function RunView({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const live = useLiveRun(runId);
  const active = live.run?.status === "RUNNING" || live.run?.status === "QUEUED";
  // Log lines and the summary are not streamed: refresh them every few seconds while the run is active.
  const details = useQuery({
    ...trpc.runs.get.queryOptions({ runId }),
    refetchInterval: active ? 3000 : false,
  });
  const status = live.run?.status;
  const refetch = details.refetch;
  const canEdit = useCanEdit();
  const cancel = useMutation(trpc.runs.cancel.mutationOptions());
  const retry = useMutation(trpc.runs.retry.mutationOptions({ onSuccess: () => window.location.reload() }));
  const retryable = status === "FAILED" || status === "CANCELED" || status === "DIVERGED";
  // A stopped run that saved a checkpoint can go on from it instead of starting over.
  const checkpoints = useQuery({
    ...trpc.runs.checkpoints.queryOptions({ runId }),
    enabled: canEdit && retryable,
  });
  const resumeEpoch = checkpoints.data?.epochs.at(-1)?.epoch ?? null;

  // Summary and log lines change when the status does: fetch them again then.
  useEffect(() => {
    if (status) void refetch();
  }, [status, refetch]);

  if (details.isError && !live.run) {
    return (
      <div className="alert" data-testid="run-error">
        {details.error.data?.code === "NOT_FOUND" ? `There is no run ${runId}.` : details.error.message}{" "}
        <Link href="/">Back to runs</Link>
      </div>
    );
  }
  const run = live.run ?? details.data?.run ?? null;
  if (!run) return <div className="skeleton" style={{ height: 320 }} />;

  const s = live.series;
  const summary = details.data?.run.summary ?? run.summary;
  const progress = live.progress;
  const pct = progress
    ? Math.min(100, (100 * progress.step) / Math.max(1, progress.totalSteps))
    : run.status === "COMPLETED"
      ? 100
      : 0;
  const lossLines: ChartLine[] = [
    {
      label: METRIC.trainBatchLoss,
      series: s[METRIC.trainBatchLoss] ?? EMPTY,
      color: COLORS.ghost,
      width: 1,
    },
    { label: METRIC.trainLoss, series: s[METRIC.trainLoss] ?? EMPTY, color: COLORS.train },
    { label: METRIC.valLoss, series: s[METRIC.valLoss] ?? EMPTY, color: COLORS.val },
  ];
  const accLines: ChartLine[] = [
    { label: METRIC.trainAcc, series: s[METRIC.trainAcc] ?? EMPTY, color: COLORS.train },
    { label: METRIC.valAcc, series: s[METRIC.valAcc] ?? EMPTY, color: COLORS.val },
  ];

  return (
    <div className="grid">
      <div className="page-head">
        <div>
          <div className="row">
            <h1>{run.name}</h1>
            <StatusBadge status={run.status} />
            <span className="muted" data-testid="connection">
              {live.connection === "live"
                ? "● live"
                : live.connection === "error"
                  ? "○ disconnected"
                  : "○ connecting"}
            </span>
          </div>
          <p className="sub" data-testid="run-subtitle">
            {run.config
              ? `${run.activation} on ${run.dataset} · layers ${run.config.hiddenLayers.join("-")} · ${run.config.optimizer} lr ${run.config.lr} · seed ${run.seed}`
              : `logged from your own code through the MLflow API${run.activation ? ` · ${run.activation}` : ""}${run.dataset ? ` on ${run.dataset}` : ""}`}
          </p>
        </div>
        <div className="row">
          {canEdit && !run.external && (run.status === "QUEUED" || run.status === "RUNNING") ? (
            <button
              type="button"
              className="btn"
              data-testid="cancel-run"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate({ runId })}
            >
              Cancel
            </button>
          ) : null}
          {canEdit && !run.external && retryable && resumeEpoch !== null ? (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="resume-run"
              disabled={retry.isPending}
              onClick={() => retry.mutate({ runId, from: "checkpoint" })}
              title="Go on from the last checkpoint, keeping the metrics and log recorded so far"
            >
              Resume from epoch {resumeEpoch}
            </button>
          ) : null}
          {canEdit && !run.external && retryable ? (
            <button
              type="button"
              className="btn"
              data-testid="retry-run"
              disabled={retry.isPending}
              onClick={() => retry.mutate({ runId, from: "start" })}
            >
              {resumeEpoch !== null ? "Start over" : "Retry"}
            </button>
          ) : null}
          {canEdit ? (
            <Link className="btn" href="/runs/new">
              + New run
            </Link>
          ) : null}
        </div>
      </div>

      {run.error ? <div className="alert">{run.error}</div> : null}
      {(cancel.error ?? retry.error) ? (
        <div className="alert">{(cancel.error ?? retry.error)?.message}</div>
      ) : null}

      <section className="panel grid">
        <div
          className="progress"
          role="progressbar"
          aria-label="training progress"
          aria-valuenow={Math.round(pct)}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div style={{ width: `${pct}%` }} />
        </div>
        <div className="grid grid-4">
          {run.config ? (
            <Stat
              label="Epoch"
              value={`${progress?.epoch ?? run.epochsDone} / ${run.config.epochs}`}
              testId="epoch"
            />
          ) : (
            <Stat
              label="Metric points"
              value={String(Object.values(s).reduce((n, x) => n + x.steps.length, 0))}
            />
          )}
          <Stat
            label="Samples / s"
            value={progress ? Math.round(progress.samplesPerSec).toLocaleString("en") : "—"}
          />
          <Stat label="ETA" value={etaText(run.status, progress?.etaSec ?? null)} testId="eta" />
          <Stat
            label="Val accuracy"
            value={formatMetric(summary?.final_val_acc ?? last(s[METRIC.valAcc]))}
            testId="val-acc"
          />
          {/* While training (or after a cancel) there is no summary yet: the best point so far. */}
          <Stat
            label="Best val acc"
            value={formatMetric(summary?.best_val_acc ?? best(s[METRIC.valAcc]))}
            testId="best-val-acc"
          />
          <Stat label="Val loss" value={formatMetric(summary?.final_val_loss ?? last(s[METRIC.valLoss]))} />
        </div>
      </section>

      <div className="grid grid-2">
        {/* A run logged from outside may use other names: its charts appear only for what it logged. */}
        {!run.external || hasPoints(lossLines) ? (
          <MetricChart title="Loss" lines={lossLines} yLabel="loss" testId="chart-loss" />
        ) : null}
        {!run.external || hasPoints(accLines) ? (
          <MetricChart title="Accuracy" lines={accLines} yLabel="accuracy" testId="chart-acc" />
        ) : null}
      </div>

      {run.config ? <RunInsights run={{ ...run, config: run.config }} series={s} /> : null}

      {run.config ? <RunData run={{ ...run, config: run.config }} /> : null}

      <RunMetricsGrid series={s} />

      <div className="grid grid-2">
        {run.config ? (
          <section className="panel">
            <h2>Configuration</h2>
            <dl className="kv">
              {flattenParams(run.config)
                .filter((p) => HEADLINE_KEYS.has(p.key))
                .map((p) => (
                  <KeyValue key={p.key} k={p.key} v={p.value} />
                ))}
            </dl>
            <details style={{ marginTop: 12 }}>
              <summary className="muted">All settings</summary>
              <dl className="kv" style={{ marginTop: 8 }}>
                {flattenParams(run.config).map((p) => (
                  <KeyValue key={p.key} k={p.key} v={p.value} />
                ))}
              </dl>
            </details>
          </section>
        ) : (
          <RunLoggedParams runId={runId} />
        )}
        <section className="panel">
          <h2>Log</h2>
          <pre className="logs" data-testid="logs">
            {(details.data?.logs ?? []).map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: log lines are append-only
              <div key={i} className={l.level}>
                {new Date(l.at).toLocaleTimeString()} {l.text}
              </div>
            ))}
            {details.data?.logs.length === 0 ? <span className="muted">No log lines yet.</span> : null}
          </pre>
        </section>
      </div>
      <RunArtifacts runId={runId} />
      <RunCollaboration runId={runId} />
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="stat">
      <span className="label">{label}</span>
      <span className="value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

function best(series: Series | undefined): number | undefined {
  let top: number | undefined;
  for (const v of series?.values ?? [])
    if (v !== null && Number.isFinite(v) && (top === undefined || v > top)) top = v;
  return top;
}

const hasPoints = (lines: ChartLine[]) => lines.some((l) => l.series.steps.length > 0);

function last(series: Series | undefined): number | undefined {
  const v = series?.values[series.values.length - 1];
  return v ?? undefined;
}

/** The first epoch of a short run is mostly start-up, so the worker sends no ETA until its pace shows. */
function etaText(status: string, etaSec: number | null): string {
  if (status !== "RUNNING") return "—";
  return etaSec === null ? "estimating…" : formatSeconds(etaSec);
}
