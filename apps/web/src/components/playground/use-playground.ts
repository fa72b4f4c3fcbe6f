"use client";
/**
 * Trains the playground's config in this browser: one time-boxed slice of core's training loop per
 * animation frame (advanceWithin), so the page keeps drawing; a new config or a reset starts at epoch 0.
 */
import {
  advanceWithin,
  createTraining,
  type Dataset,
  type EndEvent,
  type EpochEvent,
  METRIC,
  type SavedModel,
  type TrainConfig,
  type Training,
} from "@actlab/core";
import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Training work per frame: with the boundary grid (a few ms for a 16-wide net) and React's render it stays
 * under a 60 Hz frame's 16.7 ms.
 */
export const TRAIN_MS_PER_FRAME = 10;

export type PlaygroundEpoch = {
  epoch: number;
  step: number;
  trainLoss: number;
  valLoss: number | null;
  valAcc: number | null;
};

export type PlaygroundStatus = "running" | "paused" | "finished" | "diverged";

export type PlaygroundView = {
  status: PlaygroundStatus;
  /** Epochs completed. */
  epoch: number;
  epochs: number;
  history: PlaygroundEpoch[];
  weights: SavedModel | null;
  /** Why the training ended, when it did. */
  endMessage: string | null;
  /** Animation frames per second over the last FPS_WINDOW frames while running; null until measured. */
  fps: number | null;
};

const FPS_WINDOW = 30;

type PlaygroundRun = { training: Training; epochs: number; history: PlaygroundEpoch[]; end: EndEvent | null };

const pointOf = (e: EpochEvent): PlaygroundEpoch => ({
  epoch: e.epoch,
  step: e.step,
  trainLoss: e.metrics[METRIC.trainLoss] as number,
  valLoss: e.metrics[METRIC.valLoss] ?? null,
  valAcc: e.metrics[METRIC.valAcc] ?? null,
});

function viewOf(run: PlaygroundRun, playing: boolean, fps: number | null = null): PlaygroundView {
  const { end } = run;
  const status: PlaygroundStatus = end
    ? end.reason === "diverged"
      ? "diverged"
      : "finished"
    : playing
      ? "running"
      : "paused";
  return {
    status,
    epoch: run.training.position().epoch,
    epochs: run.epochs,
    history: [...run.history],
    weights: run.training.weights(),
    endMessage: end?.message ?? null,
    fps,
  };
}

export type PlaygroundInput = { config: TrainConfig; key: string; dataset: Dataset } | null;

export function usePlayground(input: PlaygroundInput) {
  const [playing, setPlaying] = useState(true);
  const [restarts, setRestarts] = useState(0);
  const [view, setView] = useState<PlaygroundView | null>(null);
  const run = useRef<PlaygroundRun | null>(null);
  const playingRef = useRef(playing);
  playingRef.current = playing;
  const key = input?.key ?? null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the config and its data; a reset bumps `restarts`
  useEffect(() => {
    if (!input) {
      run.current = null;
      setView(null);
      return;
    }
    const started = {
      training: createTraining(input.config, input.dataset),
      epochs: input.config.epochs,
      history: [],
      end: null,
    };
    run.current = started;
    setView(viewOf(started, playingRef.current));
  }, [key, restarts]);

  useEffect(() => {
    const current = run.current;
    if (current) setView(viewOf(current, playing));
    if (!playing) return;
    let frame = 0;
    const frameTimes: number[] = [];
    const tick = (at: number) => {
      frameTimes.push(at);
      if (frameTimes.length > FPS_WINDOW) frameTimes.shift();
      const first = frameTimes[0] as number;
      const fps = frameTimes.length > 1 ? (1000 * (frameTimes.length - 1)) / (at - first) : null;
      const r = run.current;
      if (r && !r.end) {
        const slice = advanceWithin(r.training, TRAIN_MS_PER_FRAME);
        for (const e of slice.epochs) r.history.push(pointOf(e));
        r.end = slice.end;
        setView(viewOf(r, true, fps));
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  return {
    view,
    play: useCallback(() => setPlaying(true), []),
    pause: useCallback(() => setPlaying(false), []),
    reset: useCallback(() => setRestarts((n) => n + 1), []),
  };
}
