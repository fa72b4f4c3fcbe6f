"use client";
/** Chooses the table's columns: any param, and for any metric its last, min, max, best or count. */
import { isDiagnosticMetric, METRIC_PREFIX } from "@actlab/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/trpc/client";
import { METRIC_FIGURES, metricColumn } from "./columns";
import styles from "./runs-explorer.module.css";

// Params every run has but that rarely tell runs apart; listed last so the useful ones come first.
const QUIET_PARAMS =
  /^(beta1|beta2|eps|momentum|split\.|diagnostics\.|activationOptions\.|logEverySteps|standardize)/;

export function ColumnPicker({
  columns,
  onChange,
}: {
  columns: string[];
  onChange: (columns: string[]) => void;
}) {
  const trpc = useTRPC();
  const available = useQuery({ ...trpc.runs.columns.queryOptions({}), staleTime: 30_000 });
  const [search, setSearch] = useState("");
  const details = useRef<HTMLDetailsElement>(null);
  // A <details> stays open until its summary is clicked again; close it on a click elsewhere or Escape.
  useEffect(() => {
    const close = (e: Event) => {
      const el = details.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  const chosen = new Set(columns);
  const toggle = (column: string) =>
    onChange(chosen.has(column) ? columns.filter((c) => c !== column) : [...columns, column]);
  const match = (key: string) => key.toLowerCase().includes(search.trim().toLowerCase());
  const params = (available.data?.params ?? [])
    .filter(match)
    .sort((a, b) => Number(QUIET_PARAMS.test(a)) - Number(QUIET_PARAMS.test(b)) || a.localeCompare(b));
  // Headline metrics first; per-layer diagnostics (many keys) after them.
  const rank = (k: string) =>
    k.startsWith(METRIC_PREFIX.val)
      ? 0
      : k.startsWith(METRIC_PREFIX.train)
        ? 1
        : isDiagnosticMetric(k)
          ? 3
          : 2;
  const metrics = (available.data?.metrics ?? [])
    .filter(match)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <details ref={details} className={styles.picker} data-testid="column-picker">
      <summary className="btn">Columns ({columns.length})</summary>
      <div className={styles.pickerPanel}>
        <input
          aria-label="Find a column"
          placeholder="Find a param or metric…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {available.isPending ? (
          <div className="skeleton" style={{ height: 120 }} />
        ) : available.isError ? (
          <div className="alert">Could not load the columns: {available.error.message}</div>
        ) : (
          <>
            <section className={styles.pickerSection}>
              <h3>Metrics · value and the step it happened at</h3>
              {metrics.length === 0 && <div className={styles.hint}>No metric recorded yet.</div>}
              {metrics.map((key) => (
                <div key={key} className={styles.metricRow}>
                  <span className={styles.metricKey} title={key}>
                    {key}
                  </span>
                  <span className={styles.figures}>
                    {METRIC_FIGURES.map((figure) => {
                      const column = metricColumn(key, figure);
                      const on = chosen.has(column);
                      return (
                        <label key={figure} className={`${styles.figure} ${on ? styles.figureOn : ""}`}>
                          <input type="checkbox" checked={on} onChange={() => toggle(column)} />
                          {figure}
                        </label>
                      );
                    })}
                  </span>
                </div>
              ))}
            </section>
            <section className={styles.pickerSection}>
              <h3>Params</h3>
              {params.length === 0 && <div className={styles.hint}>No param matches.</div>}
              <div className={styles.pickerList}>
                {params.map((key) => (
                  <label key={key} className={styles.pickerItem} title={key}>
                    <input type="checkbox" checked={chosen.has(key)} onChange={() => toggle(key)} />
                    {key}
                  </label>
                ))}
              </div>
            </section>
          </>
        )}
      </div>
    </details>
  );
}
