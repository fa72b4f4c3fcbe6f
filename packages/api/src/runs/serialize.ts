/** The run shape the browser sees: JSON columns parsed, nothing internal. */
import type { TrainConfig } from "@actlab/core";
import type { RunProgress } from "@actlab/queue";

type RunRow = {
  id: string;
  name: string;
  status: string;
  source: string;
  config: string;
  activation: string;
  dataset: string;
  seed: number;
  error: string | null;
  summary: string | null;
  progress: string | null;
  epochsDone: number;
  stepsDone: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export function serializeRun(run: RunRow) {
  const external = run.source === "external";
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    /** Logged by an MLflow client: no trainer config, no model Actlab could draw. */
    external,
    config: external ? null : (JSON.parse(run.config) as TrainConfig),
    activation: run.activation,
    dataset: run.dataset,
    seed: run.seed,
    error: run.error,
    summary: run.summary ? (JSON.parse(run.summary) as Record<string, number>) : null,
    progress: run.progress ? (JSON.parse(run.progress) as RunProgress) : null,
    epochsDone: run.epochsDone,
    stepsDone: run.stepsDone,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
