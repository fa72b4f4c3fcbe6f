"use client";
/**
 * The home page's runs explorer: a filter expression, sortable and pickable columns, a virtualised
 * grid paged from runs.table, row selection for /compare. The view lives in the URL.
 */
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { ColumnPicker } from "./column-picker";
import { FilterBar } from "./filter-bar";
import { NoRunsYet, RunsPageHead } from "./page-head";
import styles from "./runs-explorer.module.css";
import { RunsGrid } from "./runs-grid";
import { PAGE_SIZE, useRunPages } from "./use-run-pages";
import { compareHref, DEFAULT_VIEW, type ExplorerView, nextSort, readView, writeView } from "./view-state";

const INITIAL_RANGE = { first: 0, last: 40 };
const pageOf = (i: number) => Math.floor(i / PAGE_SIZE);

export function RunsExplorer() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const view = readView(new URLSearchParams(search.toString()));
  const [range, setRange] = useState(INITIAL_RANGE);
  const [selected, setSelected] = useState<string[]>([]);

  const setView = (patch: Partial<ExplorerView>) => {
    const query = writeView({ ...view, ...patch }).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    setRange(INITIAL_RANGE);
  };
  // Re-render only when the visible rows cross into another page: scrolling within one is free.
  const onRange = useCallback(
    (first: number, last: number) =>
      setRange((r) =>
        pageOf(r.first) === pageOf(first) && pageOf(r.last) === pageOf(last) ? r : { first, last },
      ),
    [],
  );
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  const { first, total, rowAt, pageError, updating } = useRunPages(view, range);
  const error = first.error;
  // runs.table prefixes sort and column mistakes; anything else it refuses as BAD_REQUEST is the filter's.
  const badRequest = error?.data?.code === "BAD_REQUEST";
  const filterError = badRequest && !/^(sort|column)/.test(error.message) ? error.message : null;
  const viewError = badRequest && !filterError ? error.message : null;
  const filtered = view.filter.trim() !== "";

  let body: React.ReactNode;
  if (first.isPending) {
    body = (
      <div className="panel" data-testid="runs-loading">
        <div className="skeleton" style={{ height: 240 }} />
      </div>
    );
  } else if (filterError) {
    body = <div className={`panel ${styles.notice}`}>Fix the filter above to see runs.</div>;
  } else if (viewError) {
    body = (
      <div className="alert row" style={{ justifyContent: "space-between" }}>
        <span>This view cannot be shown: {viewError}</span>
        <button
          className="btn"
          type="button"
          onClick={() =>
            setView({ sort: DEFAULT_VIEW.sort, dir: DEFAULT_VIEW.dir, columns: DEFAULT_VIEW.columns })
          }
        >
          Reset columns and sort
        </button>
      </div>
    );
  } else if (error && !first.data) {
    body = <div className="alert">Could not load runs: {error.message}</div>;
  } else if (total === 0 && !filtered) {
    body = <NoRunsYet />;
  } else if (total === 0) {
    body = (
      <div className={`panel ${styles.notice}`} data-testid="runs-no-match">
        <h2>No run matches this filter</h2>
        <button className="btn" type="button" onClick={() => setView({ filter: "" })}>
          Clear the filter
        </button>
      </div>
    );
  } else {
    body = (
      <RunsGrid
        key={`${view.filter}|${view.sort}|${view.dir}`}
        view={view}
        total={total}
        rowAt={rowAt}
        updating={updating}
        selected={new Set(selected)}
        onToggle={toggle}
        onSort={(column) => setView(nextSort(view, column))}
        onRange={onRange}
      />
    );
  }

  const showToolbar = !(total === 0 && !filtered && !first.isPending && !error);
  return (
    <>
      <RunsPageHead />
      {showToolbar && (
        <div className={styles.toolbar}>
          <FilterBar applied={view.filter} error={filterError} onApply={(filter) => setView({ filter })} />
          <div className={styles.actions}>
            <span className={styles.count} data-testid="runs-count">
              {first.data
                ? `${total.toLocaleString("en-US")} ${filtered ? "matching " : ""}run${total === 1 ? "" : "s"}`
                : ""}
            </span>
            <ColumnPicker columns={view.columns} onChange={(columns) => setView({ columns })} />
            {selected.length > 0 && (
              <button className="btn" type="button" onClick={() => setSelected([])}>
                Clear selection
              </button>
            )}
            {selected.length >= 2 ? (
              <Link className="btn btn-primary" href={compareHref(selected)} data-testid="compare-runs">
                Compare ({selected.length})
              </Link>
            ) : (
              <button
                className="btn btn-primary"
                type="button"
                disabled
                title="Tick at least two runs to compare them"
                data-testid="compare-runs"
              >
                Compare ({selected.length})
              </button>
            )}
          </div>
        </div>
      )}
      {/* A failed background refresh keeps the rows it already has and says so above them. */}
      {(pageError ?? (first.data && !badRequest ? error : null)) && (
        <div className="alert" style={{ marginBottom: 12 }}>
          Could not refresh runs: {(pageError ?? error)?.message}
        </div>
      )}
      {body}
    </>
  );
}
