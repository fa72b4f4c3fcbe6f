"use client";
/**
 * The launch form's playground: the configured network trains in this browser as the fields change, its
 * decision boundary and loss curve redrawn every frame, and "Track this run" hands the same config and
 * seed to the workers, which reach the same numbers.
 */
import { HIDDEN_ACTIVATIONS, type TrainConfig } from "@actlab/core";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { DecisionBoundary } from "@/components/run-insights/decision-boundary";
import { reproduceData } from "@/components/run-insights/reproduce-data";
import { formatMetric } from "@/lib/format";
import type { RunFormValues } from "@/lib/run-form";
import { useTRPC } from "@/trpc/client";
import { LossCurve } from "./loss-curve";
import styles from "./playground.module.css";
import { PLAYGROUND_MAX_WIDTH, playgroundConfigOf } from "./playground-config";
import { type PlaygroundView, TRAIN_MS_PER_FRAME, usePlayground } from "./use-playground";

/** Cells per side of the boundary: redrawn every frame, a 48² grid costs a ninth of the run page's 120². */
const PLAYGROUND_GRID = 48;

export function PlaygroundPanel({ values }: { values: RunFormValues }) {
  const playground = useMemo(() => playgroundConfigOf(values), [values]);
  const key = playground.ok ? playground.key : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the config
  const data = useMemo(() => (playground.ok ? reproduceData(playground.config) : null), [key]);
  const ready = playground.ok && data?.ok ? { config: playground.config, key: playground.key, data } : null;
  const { view, play, pause, reset } = usePlayground(
    ready ? { config: ready.config, key: ready.key, dataset: ready.data.dataset } : null,
  );

  return (
    <section className={`panel ${styles.side}`} data-testid="playground">
      <div className="panel-head">
        <h2>Playground</h2>
        {ready && view ? (
          <div className={styles.controls}>
            {view.status === "running" ? (
              <button type="button" className="btn" onClick={pause} data-testid="playground-pause">
                ❚❚ Pause
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                onClick={play}
                disabled={view.status !== "paused"}
                data-testid="playground-play"
              >
                ▶ Play
              </button>
            )}
            <button type="button" className="btn" onClick={reset} data-testid="playground-reset">
              ↺ Reset
            </button>
          </div>
        ) : null}
      </div>
      <p className={styles.note} data-testid="playground-note">
        Trains in this browser as you edit, to the numbers the workers get for the same config and seed.
        Networks up to {PLAYGROUND_MAX_WIDTH} wide train here; larger ones only on the workers.
      </p>
      {!playground.ok ? (
        <div className="empty" data-testid="playground-unavailable">
          {playground.reason}
        </div>
      ) : data && !data.ok ? (
        <div className="empty">{data.reason}</div>
      ) : ready && view ? (
        <>
          <PlaygroundStats view={view} />
          {view.weights ? (
            <DecisionBoundary
              data={ready.data}
              weights={view.weights}
              validationPredicted={null}
              gridSize={PLAYGROUND_GRID}
            />
          ) : null}
          <section className="panel">
            <h3 className="label-strong" style={{ margin: "0 0 8px" }}>
              Loss
            </h3>
            <LossCurve history={view.history} epochs={view.epochs} />
          </section>
          <TrackButtons config={ready.config} />
        </>
      ) : null}
    </section>
  );
}

function PlaygroundStats({ view }: { view: PlaygroundView }) {
  const last = view.history.at(-1);
  return (
    <div className={styles.stats} data-testid="playground-stats" data-status={view.status}>
      <div className="stat">
        <span className="label">Epoch · {view.status}</span>
        <span className="value" data-testid="playground-epoch">
          {view.epoch} / {view.epochs}
        </span>
      </div>
      <div className="stat">
        <span className="label">Train loss</span>
        {/* The exact value and its epoch, for comparing with the tracked run bit for bit. */}
        <span
          className="value"
          data-testid="playground-train-loss"
          data-epoch={last?.epoch ?? 0}
          data-value={last ? String(last.trainLoss) : ""}
        >
          {formatMetric(last?.trainLoss)}
        </span>
      </div>
      <div className="stat">
        <span className="label">Val accuracy</span>
        <span className="value" data-testid="playground-val-acc" data-value={String(last?.valAcc ?? "")}>
          {formatMetric(last?.valAcc)}
        </span>
      </div>
      {view.endMessage ? <div className={`alert ${styles.wide}`}>{view.endMessage}</div> : null}
      <span
        className={`${styles.note} ${styles.wide}`}
        data-testid="playground-fps"
        data-fps={view.fps ?? ""}
      >
        {view.fps === null ? "" : `${Math.round(view.fps)} frames/s, `}≤ {TRAIN_MS_PER_FRAME} ms of training
        per frame
      </span>
    </div>
  );
}

/** The shown config on the workers: one tracked run, or one run per activation with the same seed. */
function TrackButtons({ config }: { config: TrainConfig }) {
  const trpc = useTRPC();
  const router = useRouter();
  const track = useMutation(
    trpc.runs.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/runs/${id}`) }),
  );
  const sweep = useMutation(
    trpc.sweeps.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/sweeps/${id}`) }),
  );
  const busy = track.isPending || sweep.isPending;
  const failed = track.error ?? sweep.error;
  return (
    <>
      <div className={styles.track}>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => track.mutate({ config })}
          data-testid="track-run"
        >
          {track.isPending ? "Tracking…" : "Track this run"}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            sweep.mutate({
              spec: {
                name: `${config.dataset.kind === "generated" ? config.dataset.name : "playground"}: every activation`,
                base: config,
                axes: { activation: [...HIDDEN_ACTIVATIONS] },
              },
            })
          }
          data-testid="track-sweep"
        >
          {sweep.isPending
            ? "Tracking…"
            : `Track as sweep over activations (${HIDDEN_ACTIVATIONS.length} runs)`}
        </button>
      </div>
      {failed ? <div className="alert">{failed.message}</div> : null}
    </>
  );
}
