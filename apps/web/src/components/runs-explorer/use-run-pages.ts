"use client";
/**
 * Fetches the runs table page by page: the first page (which also carries the total) always, the
 * others only while they are on screen. A page refetches every 2 s while it shows an active run.
 */
import type { RouterOutputs } from "@actlab/api";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import type { ExplorerView } from "./view-state";

export const PAGE_SIZE = 100;
const LIVE_MS = 2000;
const IDLE_MS = 15_000;

type PageData = RouterOutputs["runs"]["table"] | undefined;
const isActive = (s: string) => s === "QUEUED" || s === "RUNNING";
const liveInterval = (q: { state: { data: PageData } }) =>
  q.state.data?.rows.some((r) => isActive(r.status)) ? LIVE_MS : false;

export function useRunPages(view: ExplorerView, visible: { first: number; last: number }) {
  const trpc = useTRPC();
  const base = {
    filter: view.filter.trim() || undefined,
    sort: { by: view.sort, dir: view.dir },
    columns: view.columns,
    limit: PAGE_SIZE,
  };
  // Keeping the previous result while a new filter or sort loads avoids a blank flash.
  const first = useQuery({
    ...trpc.runs.table.queryOptions({ ...base, offset: 0 }),
    placeholderData: keepPreviousData,
    // Also a slow poll when nothing is active, so runs launched elsewhere (a sweep, another tab) show up.
    refetchInterval: (q) => liveInterval(q) || IDLE_MS,
  });
  const total = first.data?.total ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
  const wanted: number[] = [];
  for (
    let p = Math.max(1, Math.floor(visible.first / PAGE_SIZE));
    p <= Math.min(lastPage, Math.floor(visible.last / PAGE_SIZE));
    p++
  )
    wanted.push(p);
  const others = useQueries({
    queries: wanted.map((p) => ({
      ...trpc.runs.table.queryOptions({ ...base, offset: p * PAGE_SIZE }),
      refetchInterval: liveInterval,
    })),
  });
  const pages = new Map<number, NonNullable<typeof first.data>["rows"]>();
  if (first.data) pages.set(0, first.data.rows);
  wanted.forEach((p, i) => {
    const rows = others[i]?.data?.rows;
    if (rows) pages.set(p, rows);
  });
  const pageError = others.find((q) => q.isError)?.error ?? null;
  return {
    first,
    total,
    /** The row at an absolute index, or undefined while its page loads. */
    rowAt: (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    pageError,
    /** The first page still shows the previous view's rows while the new one loads. */
    updating: first.isPlaceholderData,
  };
}
export type RunTableRowView = NonNullable<ReturnType<ReturnType<typeof useRunPages>["rowAt"]>>;
