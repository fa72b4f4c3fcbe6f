"use client";
/**
 * The runs grid: a sticky header of sortable columns over rows virtualised with @tanstack/react-virtual,
 * so 10,000 runs cost as much DOM as a screenful. Rows whose page is still loading show placeholders.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRef } from "react";
import { StatusBadge } from "@/components/status-badge";
import { formatSeconds } from "@/lib/format";
import { columnLabel, formatCell, parseColumn } from "./columns";
import styles from "./runs-explorer.module.css";
import type { RunTableRowView } from "./use-run-pages";
import type { ExplorerView } from "./view-state";

const ROW_HEIGHT = 40;
const FIXED = [
  { sort: "name", label: "Run", width: "minmax(220px, 2fr)", num: false },
  { sort: "status", label: "Status", width: "132px", num: false },
  { sort: "activation", label: "Activation", width: "112px", num: false },
  { sort: "dataset", label: "Dataset", width: "112px", num: false },
  { sort: "createdAt", label: "Created", width: "128px", num: false },
  { sort: "duration", label: "Duration", width: "96px", num: true },
] as const;
const DYNAMIC_WIDTH = 116;

const created = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

function SortHeader({
  view,
  column,
  num,
  onSort,
  children,
}: {
  view: ExplorerView;
  column: string;
  num: boolean;
  onSort: (column: string) => void;
  children: React.ReactNode;
}) {
  const active = view.sort === column;
  return (
    <div
      role="columnheader"
      className={num ? styles.num : undefined}
      aria-sort={active ? (view.dir === "asc" ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        className={`${styles.sortButton} ${active ? styles.sorted : ""}`}
        onClick={() => onSort(column)}
        title={`Sort by ${column}`}
      >
        {children}
        {active && <span aria-hidden="true">{view.dir === "asc" ? "▲" : "▼"}</span>}
      </button>
    </div>
  );
}

export function RunsGrid({
  view,
  total,
  rowAt,
  updating,
  selected,
  onToggle,
  onSort,
  onRange,
}: {
  view: ExplorerView;
  total: number;
  rowAt: (index: number) => RunTableRowView | undefined;
  updating: boolean;
  selected: ReadonlySet<string>;
  onToggle: (runId: string) => void;
  onSort: (column: string) => void;
  onRange: (first: number, last: number) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    onChange: (v) => {
      const items = v.getVirtualItems();
      if (items.length) onRange(items[0]?.index ?? 0, items[items.length - 1]?.index ?? 0);
    },
  });
  const template = [
    "40px",
    ...FIXED.map((c) => c.width),
    ...view.columns.map(() => `minmax(${DYNAMIC_WIDTH}px, 1fr)`),
  ].join(" ");
  const minWidth = 40 + 220 + 132 + 112 * 2 + 128 + 96 + view.columns.length * DYNAMIC_WIDTH;
  return (
    <div className={`panel ${styles.gridPanel}`}>
      <div
        ref={scroller}
        className={`${styles.scroller} ${updating ? styles.updating : ""}`}
        role="table"
        aria-rowcount={total}
        data-testid="runs-table"
      >
        <div className={styles.header} role="row" style={{ gridTemplateColumns: template, minWidth }}>
          <div role="columnheader" aria-label="Select" />
          {FIXED.map((c) => (
            <SortHeader key={c.sort} view={view} column={c.sort} num={c.num} onSort={onSort}>
              {c.label}
            </SortHeader>
          ))}
          {view.columns.map((column) => {
            const { key, figure } = columnLabel(column);
            return (
              <SortHeader key={column} view={view} column={column} num={parseColumn(column).kind === "metric"} onSort={onSort}>
                <span className={styles.keyTag}>{key}</span>
                {figure && <span className={styles.figureTag}>{figure}</span>}
              </SortHeader>
            );
          })}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative", minWidth }}>
          {virtualizer.getVirtualItems().map((item) => {
            const run = rowAt(item.index);
            const style = {
              transform: `translateY(${item.start}px)`,
              height: item.size,
              gridTemplateColumns: template,
            };
            if (!run)
              return (
                <div key={item.key} role="row" className={styles.row} style={style} aria-busy="true">
                  {[0, ...FIXED, ...view.columns].map((_, i) => (
                    <div key={i}>
                      <div className={styles.skeletonBar} />
                    </div>
                  ))}
                </div>
              );
            const isSelected = selected.has(run.id);
            return (
              <div
                key={run.id}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={isSelected}
                className={`${styles.row} ${isSelected ? styles.rowSelected : ""}`}
                style={style}
              >
                <div role="cell">
                  <input
                    type="checkbox"
                    className={styles.check}
                    aria-label={`Select ${run.name}`}
                    checked={isSelected}
                    onChange={() => onToggle(run.id)}
                  />
                </div>
                <div role="cell" title={run.name}>
                  <Link href={`/runs/${run.id}`}>{run.name}</Link>
                </div>
                <div role="cell">
                  <StatusBadge status={run.status} />
                </div>
                <div role="cell">{run.activation}</div>
                <div role="cell">{run.dataset}</div>
                <div role="cell" className={styles.muted}>
                  {created.format(new Date(run.createdAt))}
                </div>
                <div role="cell" className={styles.num}>
                  {formatSeconds(run.durationS)}
                </div>
                {view.columns.map((column, i) => {
                  const value = run.values[i] ?? null;
                  const step = run.steps[i] ?? null;
                  return (
                    <div
                      key={column}
                      role="cell"
                      className={styles.num}
                      title={step === null ? undefined : `at step ${step}`}
                    >
                      {formatCell(column, value)}
                      {step !== null && value !== null && <span className={styles.step}>@{step}</span>}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
