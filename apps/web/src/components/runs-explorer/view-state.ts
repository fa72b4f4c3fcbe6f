/**
 * The explorer's view as URL search params (?q=filter&sort=max(val/acc)&dir=desc&cols=lr,val/acc),
 * so a copied link reproduces the filter, the sort and the columns.
 */
import { METRIC } from "@actlab/core";
import { z } from "zod";

export type SortDir = "asc" | "desc";
export type ExplorerView = { filter: string; sort: string; dir: SortDir; columns: string[] };

export const DEFAULT_COLUMNS = [
  "hiddenLayers",
  "optimizer",
  "lr",
  METRIC.valAcc,
  `best(${METRIC.valAcc})`,
  METRIC.valLoss,
];
export const DEFAULT_VIEW: ExplorerView = {
  filter: "",
  sort: "createdAt",
  dir: "desc",
  columns: DEFAULT_COLUMNS,
};

// Column expressions never contain commas (names are word characters, slashes and one pair of parens).
const ZColumns = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200)).max(60));

/** Reads the view; a missing or malformed part falls back to its default rather than failing the page. */
export function readView(params: URLSearchParams): ExplorerView {
  const dir = z.enum(["asc", "desc"]).safeParse(params.get("dir"));
  const cols = params.has("cols") ? ZColumns.safeParse(params.get("cols")) : null;
  return {
    filter: (params.get("q") ?? "").slice(0, 2000),
    sort: params.get("sort")?.trim() || DEFAULT_VIEW.sort,
    dir: dir.success ? dir.data : DEFAULT_VIEW.dir,
    columns: cols?.success ? cols.data : DEFAULT_VIEW.columns,
  };
}

/** Writes only what differs from the default, so the plain home page keeps a clean URL. */
export function writeView(view: ExplorerView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.filter.trim()) params.set("q", view.filter.trim());
  if (view.sort !== DEFAULT_VIEW.sort) params.set("sort", view.sort);
  if (view.dir !== DEFAULT_VIEW.dir) params.set("dir", view.dir);
  if (view.columns.join(",") !== DEFAULT_VIEW.columns.join(",")) params.set("cols", view.columns.join(","));
  return params;
}

/** Clicking a header: the same column flips direction; a new one starts descending (best first for numbers). */
export function nextSort(view: ExplorerView, column: string): Pick<ExplorerView, "sort" | "dir"> {
  if (view.sort === column) return { sort: column, dir: view.dir === "desc" ? "asc" : "desc" };
  return { sort: column, dir: "desc" };
}

/** The compare page's link for the selected runs, in the order they appear in the table. */
export function compareHref(runIds: readonly string[]): string {
  return `/compare?runs=${runIds.map(encodeURIComponent).join(",")}`;
}

/** "… at column 18" → 18, so the filter bar's caret can point at the mistake. */
export function errorColumn(message: string): number | null {
  const m = / at column (\d+)$/.exec(message);
  return m ? Number(m[1]) : null;
}
