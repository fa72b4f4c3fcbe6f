"use client";
/** One activation in the gallery: f and f′ over the page's range, its property badges, trade-off and runs. */
import type { RouterOutputs } from "@actlab/api";
import type { ActivationName } from "@actlab/core";
import { activationInfo } from "@actlab/core";
import Link from "next/link";
import type { MouseEvent } from "react";
import { EditorOnly } from "@/components/account/role-context";
import { formatMetric } from "@/lib/format";
import { propertyBadges, sampleCurve } from "./curves";
import styles from "./gallery.module.css";
import { LinePlot } from "./line-plot";

export const CURVE_COLORS = { f: "#6366f1", df: "#f97316" };

type ActivationUsage = RouterOutputs["meta"]["activationUsage"][number];

const MIX_EXPLAINED =
  "Each hidden layer learns one weight per base activation and outputs their weighted sum Σ wₖ·gₖ(x). " +
  "Weights start equal (1/K) and move by gradient descent, so a run shows which shape the data prefers: " +
  "a run page charts the weights per layer under “Learned activation parameters”.";

export function ActivationCard({
  name,
  halfWidth,
  usage,
  usageState,
  selected,
  onToggle,
}: {
  name: ActivationName;
  halfWidth: number;
  usage: ActivationUsage | undefined;
  usageState: "pending" | "error" | "ready";
  selected: boolean;
  onToggle: (name: ActivationName) => void;
}) {
  const info = activationInfo(name);
  const curve = sampleCurve(info, halfWidth);
  // A click anywhere on the card toggles comparison, except on its links.
  const onCardClick = (e: MouseEvent) => {
    if ((e.target as HTMLElement).closest("a, button")) return;
    onToggle(name);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the header's Compare button is the keyboard path
    <article
      className={`panel ${styles.card} ${selected ? styles.selected : ""}`}
      onClick={onCardClick}
      data-testid={`activation-${name}`}
    >
      <div className={styles.cardHead}>
        <div>
          <h2>{info.meta.label}</h2>
          <span className={styles.name}>{name}</span>
        </div>
        <button
          type="button"
          className={`${styles.toggle} ${selected ? styles.toggleOn : ""}`}
          aria-pressed={selected}
          onClick={() => onToggle(name)}
        >
          {selected ? "✓ comparing" : "compare"}
        </button>
      </div>
      <LinePlot
        x={curve.x}
        lines={[
          { label: "f", values: curve.f, color: CURVE_COLORS.f },
          { label: "f′", values: curve.df, color: CURVE_COLORS.df, dash: [5, 4] },
        ]}
        height={150}
        legend={false}
      />
      <div className="chart-key">
        <span>
          <span className={styles.swatch} style={{ borderColor: CURVE_COLORS.f }} />
          f(x)
        </span>
        <span>
          <span className={`${styles.swatch} ${styles.dashed}`} style={{ borderColor: CURVE_COLORS.df }} />
          f′(x)
        </span>
      </div>
      <div className={styles.badges}>
        {propertyBadges(info.meta).map((b) => (
          <span
            key={b.text}
            className={`${styles.badge} ${b.tone === "good" ? styles.good : b.tone === "warn" ? styles.warn : ""}`}
          >
            {b.text}
          </span>
        ))}
      </div>
      <p className={styles.tradeoff}>{info.meta.tradeoff}</p>
      {info.plotNote ? <p className={styles.note}>{info.plotNote}</p> : null}
      {name === "mix" ? <p className={styles.explain}>{MIX_EXPLAINED}</p> : null}
      <UsageLine name={name} usage={usage} state={usageState} />
    </article>
  );
}

function UsageLine({
  name,
  usage,
  state,
}: {
  name: ActivationName;
  usage: ActivationUsage | undefined;
  state: "pending" | "error" | "ready";
}) {
  if (name === "softmax") {
    return <div className={`${styles.usage} muted`}>Output layer only: not a hidden-layer choice.</div>;
  }
  if (state === "pending") return <div className={`${styles.usage} skeleton`} style={{ height: 22 }} />;
  if (state === "error") return <div className={`${styles.usage} muted`}>Run counts unavailable.</div>;
  if (!usage || usage.runs === 0) {
    return (
      <div className={`${styles.usage} muted`} data-testid="usage-empty">
        <span>
          No runs use it yet.{" "}
          <EditorOnly>
            <Link href="/runs/new">Launch one</Link>
          </EditorOnly>
        </span>
      </div>
    );
  }
  return (
    <div className={styles.usage} data-testid="usage">
      {/* The runs explorer filters by the expression in ?q=. */}
      <Link href={`/?q=${encodeURIComponent(`activation = ${name}`)}`}>
        {usage.runs} run{usage.runs === 1 ? "" : "s"} · {usage.completed} completed
        {usage.bestValAcc !== null ? ` · best val acc ${formatMetric(usage.bestValAcc, 3)}` : ""}
      </Link>
      <div className={styles.recent}>
        {usage.recent.map((r) => (
          <Link key={r.id} href={`/runs/${r.id}`} title={r.name}>
            {r.id === usage.bestRunId ? "★ " : "· "}
            {r.name} <span className="muted">({r.status.toLowerCase()})</span>
          </Link>
        ))}
        {usage.bestRunId && !usage.recent.some((r) => r.id === usage.bestRunId) ? (
          <Link href={`/runs/${usage.bestRunId}`}>★ best run</Link>
        ) : null}
      </div>
    </div>
  );
}
