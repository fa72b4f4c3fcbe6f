"use client";
/** A generator's card, its data made in the browser by the core's own generator: exactly what a run trains on. */
import { classCounts, classesOf, type GeneratedDatasetSpec, generateDataset } from "@actlab/core";
import { type ReactNode, useMemo } from "react";
import { ClassBalance } from "./class-balance";
import styles from "./datasets.module.css";
import { ScatterPreview } from "./scatter-preview";
import { SplitLine } from "./split-line";

export function GeneratedCard({ spec, usedBy }: { spec: GeneratedDatasetSpec; usedBy: ReactNode }) {
  const dataset = useMemo(() => generateDataset(spec), [spec]);
  const counts = useMemo(() => classCounts(dataset.labels, dataset.numClasses), [dataset]);
  return (
    <article className={`panel ${styles.card}`} data-testid={`generated-${spec.name}`}>
      <h3>{spec.name}</h3>
      <ScatterPreview dataset={dataset} />
      <span className="muted">
        {spec.samples} samples · noise {spec.noise} · {classesOf(spec)} classes · data seed {spec.seed} (all
        set per run)
      </span>
      <ClassBalance names={dataset.classNames} counts={counts} />
      <SplitLine rows={dataset.rows} classCounts={counts} />
      {usedBy}
    </article>
  );
}
