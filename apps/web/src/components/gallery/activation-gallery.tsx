"use client";
/** The /activations page: every activation as a card over one shared x range, and a slope comparison. */
import { ACTIVATION_NAMES, type ActivationName } from "@actlab/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PageHead } from "@/components/page-head";
import { useTRPC } from "@/trpc/client";
import { ActivationCard } from "./activation-card";
import { CompareSlopes } from "./compare-slopes";
import { RANGE_CHOICES } from "./curves";
import styles from "./gallery.module.css";

const DEFAULT_HALF_WIDTH = 6;

export function ActivationGallery() {
  const trpc = useTRPC();
  const usage = useQuery(trpc.meta.activationUsage.queryOptions({}));
  const [halfWidth, setHalfWidth] = useState(DEFAULT_HALF_WIDTH);
  // The classic contrast to start with: a saturating sigmoid against a ReLU that never saturates for x > 0.
  const [compared, setCompared] = useState<ActivationName[]>(["sigmoid", "relu"]);
  const toggle = (name: ActivationName) =>
    setCompared((cur) => (cur.includes(name) ? cur.filter((n) => n !== name) : [...cur, name].slice(-2)));
  const usageState = usage.isPending ? "pending" : usage.isError ? "error" : "ready";
  const byName = new Map((usage.data ?? []).map((u) => [u.activation, u]));
  const min = RANGE_CHOICES[0];
  const max = RANGE_CHOICES[RANGE_CHOICES.length - 1];

  return (
    <div className="grid">
      <PageHead
        title="Activations"
        sub="Each function f (solid) and its slope f′ (dashed): where f′ is flat, gradients vanish. Click cards to compare two slopes."
      >
        <label className={styles.controls}>
          <span className="label-strong">x range ±{halfWidth}</span>
          <input
            type="range"
            min={min}
            max={max}
            step={2}
            value={halfWidth}
            aria-label="x range"
            data-testid="x-range"
            onChange={(e) => setHalfWidth(Number(e.target.value))}
          />
        </label>
      </PageHead>
      {usage.isError ? <div className="alert">Could not load run counts: {usage.error.message}</div> : null}
      <CompareSlopes names={compared} halfWidth={halfWidth} />
      <div className={styles.cards}>
        {ACTIVATION_NAMES.map((name) => (
          <ActivationCard
            key={name}
            name={name}
            halfWidth={halfWidth}
            usage={byName.get(name)}
            usageState={usageState}
            selected={compared.includes(name)}
            onToggle={toggle}
          />
        ))}
      </div>
    </div>
  );
}
