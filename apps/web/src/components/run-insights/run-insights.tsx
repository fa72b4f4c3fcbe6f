"use client";
/**
 * The run page's insights: the model at a chosen epoch (decision boundary, validation confusion matrix),
 * rebuilt in the browser from the saved weights and the regenerated data, and the per-layer diagnostics.
 */
import type { RouterOutputs } from "@actlab/api";
import { isFinishedStatus, METRIC, type SavedModel, type TrainConfig } from "@actlab/core";
import { useMemo } from "react";
import type { SeriesMap } from "@/lib/series";
import { confusionOnPrepared } from "./confusion";
import { ConfusionMatrix } from "./confusion-matrix";
import { DecisionBoundary } from "./decision-boundary";
import styles from "./insights.module.css";
import { LayerDiagnostics } from "./layer-diagnostics";
import { latest } from "./layer-diagnostics-data";
import { MisclassifiedPanel } from "./misclassified-panel";
import { reproduceData } from "./reproduce-data";
import { useEpochWeights } from "./use-epoch-weights";
import { useThrottled } from "./use-throttled";

/** The least time between two live redraws of the model (boundary and confusion matrix). */
const LIVE_REDRAW_MS = 250;

/** Only for runs of the built-in trainer: the model is rebuilt from their config. */
export type TrainerRunView = RouterOutputs["runs"]["get"]["run"] & { config: TrainConfig };

export function RunInsights({ run, series }: { run: TrainerRunView; series: SeriesMap }) {
  const configKey = JSON.stringify(run.config);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the config's JSON stands for the config
  const data = useMemo(() => reproduceData(run.config), [configKey]);
  const training = !isFinishedStatus(run.status);
  const liveEpoch = latest(series.epoch);
  // Weights are drawn only over data the browser can rebuild; elsewhere they would be read for nothing.
  const view = useEpochWeights(run.id, liveEpoch, training, data.ok);
  // Following a live run, redraws are spaced; a picked or played epoch shows at once.
  const answer = useThrottled(view.weights.data, LIVE_REDRAW_MS, training && view.following && !view.playing);
  const weights = answer?.weights ?? null;
  const shownEpoch = answer?.epoch ?? null;
  const validation = data.ok ? data.prepared.validation : null;
  const confusion = useMemo(
    () => (weights && validation ? confusionOnPrepared(weights, validation) : null),
    [weights, validation],
  );

  return (
    <div className="grid" data-testid="run-insights">
      <section className="panel">
        <div className={`panel-head ${styles.head}`}>
          <h2>
            {data.ok ? (
              <>
                Model at epoch <span data-testid="model-epoch">{shownEpoch ?? "—"}</span>
              </>
            ) : (
              "Mistakes"
            )}
          </h2>
          {data.ok ? <EpochPlayer view={view} /> : null}
        </div>
        {data.ok ? (
          <ModelBody
            data={data}
            view={view}
            weights={weights}
            confusion={confusion}
            loggedAcc={shownEpoch === null ? null : valAccAtEpoch(series, shownEpoch)}
          />
        ) : (
          <MisclassifiedPanel runId={run.id} liveEpoch={liveEpoch} unavailable={data.reason} />
        )}
      </section>
      <LayerDiagnostics series={series} finished={!training} />
    </div>
  );
}

type View = ReturnType<typeof useEpochWeights>;

function EpochPlayer({ view }: { view: View }) {
  const { epochs, selected } = view;
  if (epochs.length === 0) return null;
  // A live epoch can be drawn (its weights came with it) before the list of saved epochs names it: the end.
  const at = selected === null ? -1 : epochs.indexOf(selected);
  const index = at >= 0 ? at : epochs.length - 1;
  return (
    <div className={styles.player}>
      <button
        type="button"
        className={`btn ${styles.play}`}
        aria-label={view.playing ? "pause" : "play through the epochs"}
        data-testid="epoch-play"
        disabled={epochs.length < 2}
        onClick={view.togglePlay}
      >
        {view.playing ? "❚❚" : "▶"}
      </button>
      <input
        type="range"
        min={0}
        max={epochs.length - 1}
        value={index}
        aria-label="epoch"
        data-testid="epoch-slider"
        disabled={epochs.length < 2}
        onChange={(e) => {
          const epoch = epochs[Number(e.target.value)];
          if (epoch !== undefined) view.select(epoch);
        }}
      />
      <span className="num muted" style={{ whiteSpace: "nowrap" }}>
        {selected ?? "—"} / {Math.max(epochs[epochs.length - 1] ?? 0, selected ?? 0)}
        {view.following && !view.playing ? " · newest" : ""}
      </span>
    </div>
  );
}

function ModelBody({
  data,
  view,
  weights,
  confusion,
  loggedAcc,
}: {
  data: Extract<ReturnType<typeof reproduceData>, { ok: true }>;
  view: View;
  weights: SavedModel | null;
  confusion: ReturnType<typeof confusionOnPrepared> | null;
  loggedAcc: number | null;
}) {
  if (view.checkpoints.isError)
    return <div className="alert">Could not list saved epochs: {view.checkpoints.error.message}</div>;
  if (view.checkpoints.isPending) return <div className="skeleton" style={{ height: 360 }} />;
  if (view.epochs.length === 0) {
    return (
      <div className={styles.empty} data-testid="insights-waiting">
        The decision boundary appears when the first epoch ends and its weights are saved.
      </div>
    );
  }
  if (view.weights.isError) {
    const diverged = view.weights.error.data?.code === "UNPROCESSABLE_CONTENT";
    return (
      <div className="alert" data-testid="weights-error">
        {diverged
          ? `The weights saved at epoch ${view.selected} are not finite: the run diverged there. ${
              view.epochs.length > 1 ? "Pick an earlier epoch on the slider." : "No earlier epoch was saved."
            }`
          : `Could not load the weights of epoch ${view.selected}: ${view.weights.error.message}`}
      </div>
    );
  }
  if (!weights) return <div className="skeleton" style={{ height: 360 }} />;
  return (
    <div className={styles.pair}>
      <DecisionBoundary data={data} weights={weights} validationPredicted={confusion?.predicted ?? null} />
      {confusion ? (
        <ConfusionMatrix confusion={confusion} classNames={data.dataset.classNames} loggedAcc={loggedAcc} />
      ) : (
        <div className={styles.empty}>This run kept no validation split, so there is nothing to confuse.</div>
      )}
    </div>
  );
}

/** The val/acc logged at the step where `epoch` ended (the `epoch` series maps steps to epochs). */
function valAccAtEpoch(series: SeriesMap, epoch: number): number | null {
  const e = series[METRIC.epoch];
  const acc = series[METRIC.valAcc];
  if (!e || !acc) return null;
  const i = e.values.indexOf(epoch);
  const step = e.steps[i];
  if (i < 0 || step === undefined) return null;
  const j = acc.steps.indexOf(step);
  return j < 0 ? null : (acc.values[j] ?? null);
}
