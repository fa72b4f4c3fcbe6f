"use client";
/**
 * The runs grid: a sticky header of sortable columns over rows virtualised with @tanstack/react-virtual,
 * so 10,000 runs cost as much DOM as a screenful. Rows whose page is still loading show placeholders.
 */
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useRef } from "react";
import { TagChips } from "@/components/collaboration/tag-chips";
import { StatusBadge } from "@/components/status-badge";
import { formatSeconds } from "@/lib/format";
import { columnLabel, columnMinWidth, formatCell, parseColumn } from "./columns";
import styles from "./runs-explorer.module.css";
import type { RunTableRowView } from "./use-run-pages";
import type { ExplorerView } from "./view-state";

/** A row's height with one line of text; a run name that wraps makes its row taller. */
const ROW_HEIGHT = 40;
const SELECT_WIDTH = 36;
/** The run name takes what the other columns leave, and wraps rather than being cut off. */
const NAME_MIN_WIDTH = 180;
// Each fits its widest value and its header with the sort arrow in DejaVu Sans (see columns.ts):
// a "completed" badge, "hard_sigmoid", "breast_cancer", "May 13, 09:12", "59 min 59 s".
const FIXED = [
  { sort: "name", label: "Run", width: NAME_MIN_WIDTH, num: false },
  { sort: "status", label: "Status", width: 120, num: false },
  { sort: "activation", label: "Activation", width: 116, num: false },
  { sort: "dataset", label: "Dataset", width: 116, num: false },
  { sort: "createdAt", label: "Created", width: 118, num: false },
  { sort: "duration", label: "Duration", width: 104, num: true },
] as const;

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
    <th
      scope="col"
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
    </th>
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
  const dynamicWidths = view.columns.map((column) => columnMinWidth(column, view.sort === column));
  // Every column but the name's is as wide as its content needs; a wider window gives the names more room.
  const template = [
    `${SELECT_WIDTH}px`,
    `minmax(${NAME_MIN_WIDTH}px, 1fr)`,
    ...FIXED.slice(1).map((c) => `${c.width}px`),
    ...dynamicWidths.map((w) => `${w}px`),
  ].join(" ");
  // Past this the table scrolls sideways inside its panel; the page itself never does.
  const minWidth = [SELECT_WIDTH, ...FIXED.map((c) => c.width), ...dynamicWidths].reduce((a, b) => a + b, 0);
  return (
    <div className={`panel ${styles.gridPanel}`}>
      <div ref={scroller} className={`${styles.scroller} ${updating ? styles.updating : ""}`}>
        {/* A real table laid out as CSS grid rows: positioned rows are what virtualisation needs. */}
        <table className={styles.table} aria-rowcount={total} data-testid="runs-table">
          <thead className={styles.thead}>
            <tr className={styles.header} style={{ gridTemplateColumns: template, minWidth }}>
              <th scope="col" aria-label="Select" />
              {FIXED.map((c) => (
                <SortHeader key={c.sort} view={view} column={c.sort} num={c.num} onSort={onSort}>
                  {c.label}
                </SortHeader>
              ))}
              {view.columns.map((column) => {
                const { key, figure } = columnLabel(column);
                return (
                  <SortHeader
                    key={column}
                    view={view}
                    column={column}
                    num={parseColumn(column).kind === "metric"}
                    onSort={onSort}
                  >
                    <span className={styles.keyTag}>{key}</span>
                    {figure && <span className={styles.figureTag}>{figure}</span>}
                  </SortHeader>
                );
              })}
            </tr>
          </thead>
          <tbody className={styles.tbody} style={{ height: virtualizer.getTotalSize(), minWidth }}>
            {virtualizer.getVirtualItems().map((item) => {
              const run = rowAt(item.index);
              // Measured, not fixed: a wrapped name's row is as tall as its text.
              const rowProps = {
                "data-index": item.index,
                ref: virtualizer.measureElement,
                style: {
                  transform: `translateY(${item.start}px)`,
                  gridTemplateColumns: template,
                  minHeight: ROW_HEIGHT,
                },
              };
              if (!run)
                return (
                  <tr key={item.key} className={styles.row} {...rowProps} aria-busy="true">
                    {["select", ...FIXED.map((c) => c.sort), ...view.columns].map((column) => (
                      <td key={column}>
                        <div className={styles.skeletonBar} />
                      </td>
                    ))}
                  </tr>
                );
              const isSelected = selected.has(run.id);
              return (
                <tr
                  key={run.id}
                  aria-rowindex={item.index + 1}
                  aria-selected={isSelected}
                  className={`${styles.row} ${isSelected ? styles.rowSelected : ""}`}
                  {...rowProps}
                >
                  <td>
                    <input
                      type="checkbox"
                      className={styles.check}
                      aria-label={`Select ${run.name}`}
                      checked={isSelected}
                      onChange={() => onToggle(run.id)}
                    />
                  </td>
                  <td className={styles.wrap} data-testid="run-name">
                    <Link href={`/runs/${run.id}`}>{run.name}</Link>
                    <TagChips tags={run.tags} />
                  </td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td>{run.activation}</td>
                  <td className={styles.wrap}>{run.dataset}</td>
                  <td className={styles.muted}>{created.format(new Date(run.createdAt))}</td>
                  <td className={styles.num}>{formatSeconds(run.durationS)}</td>
                  {view.columns.map((column, i) => {
                    const value = run.values[i] ?? null;
                    const step = run.steps[i] ?? null;
                    return (
                      <td
                        key={column}
                        className={parseColumn(column).kind === "metric" ? styles.num : styles.mono}
                        title={step === null ? undefined : `at step ${step}`}
                      >
                        {formatCell(column, value)}
                        {/* Where a min, max or best happened is the point of that column; a last value's step is in the title. */}
                        {step !== null && value !== null && columnLabel(column).figure !== null && (
                          <span className={styles.step}>@{step}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
