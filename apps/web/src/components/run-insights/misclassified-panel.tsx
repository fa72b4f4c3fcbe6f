"use client";
/**
 * Image data's model panel: the validation pictures the network got wrong at the newest saved epoch, each
 * with what it predicted and what it is. A decision boundary needs two features; pictures have hundreds.
 */
import type { RouterOutputs } from "@actlab/api";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/trpc/client";
import styles from "./insights.module.css";

type Mistakes = RouterOutputs["runs"]["misclassified"];
type Sample = Mistakes["samples"][number];

/** Each picture at this many screen pixels per image pixel, at least (8×8 digits get more). */
const MIN_SIDE_PX = 72;

function Picture({ sample, width, height }: { sample: Sample; width: number; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext("2d");
    if (!ctx) return;
    // Ink by the picture's own range: MNIST's pixels run 0…1, the digits table's 0…16.
    const top = Math.max(1e-9, ...sample.pixels);
    const image = ctx.createImageData(width, height);
    sample.pixels.forEach((v, p) => {
      const ink = 255 - Math.round((255 * Math.max(0, v)) / top);
      image.data.set([ink, ink, ink, 255], 4 * p);
    });
    ctx.putImageData(image, 0, 0);
  }, [sample, width, height]);
  const scale = Math.max(1, Math.ceil(MIN_SIDE_PX / width));
  return (
    <figure className={styles.mistake} data-testid="mistake">
      <canvas
        ref={canvas}
        width={width}
        height={height}
        style={{ width: width * scale, height: height * scale }}
        aria-label={`validation row ${sample.row}: predicted ${sample.predicted}, is ${sample.actual}`}
      />
      <figcaption>
        <span className={styles.predicted}>{sample.predicted}</span>
        <span className="muted"> · is </span>
        <span>{sample.actual}</span>
      </figcaption>
    </figure>
  );
}

/** `liveEpoch`: the newest epoch the page has heard of (asked again as it moves); null before the first. */
export function MisclassifiedPanel({
  runId,
  liveEpoch,
  unavailable,
}: {
  runId: string;
  liveEpoch: number | null;
  unavailable: string;
}) {
  const trpc = useTRPC();
  const mistakes = useQuery({
    ...trpc.runs.misclassified.queryOptions({ runId, epoch: "newest" }),
    retry: false,
  });
  const refetch = mistakes.refetch;
  useEffect(() => {
    if (liveEpoch !== null) void refetch({ cancelRefetch: false });
  }, [liveEpoch, refetch]);

  if (mistakes.isPending) return <div className="skeleton" style={{ height: 200 }} />;
  if (!mistakes.data) {
    return (
      <div className={styles.empty} data-testid="insights-unavailable">
        {unavailable} Image data shows the network's mistakes here once an epoch has ended; the diagnostics
        below apply to every run.
      </div>
    );
  }
  const { epoch, image, samples } = mistakes.data;
  return (
    <div data-testid="mistakes">
      <p className="muted" style={{ marginTop: 0 }}>
        {samples.length === 0
          ? `At epoch ${epoch} the network got every validation image right.`
          : `The first ${samples.length} validation images the network got wrong at epoch `}
        {samples.length === 0 ? null : <span data-testid="mistakes-epoch">{epoch}</span>}
        {samples.length === 0 ? null : ": its answer, then the true class."}
      </p>
      <div className={styles.mistakes}>
        {samples.map((s) => (
          <Picture key={s.row} sample={s} width={image.width} height={image.height} />
        ))}
      </div>
    </div>
  );
}
