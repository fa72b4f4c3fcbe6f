"use client";
/** The runs page: every run of the project, newest first, refreshed while any is active. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { RunTable } from "@/components/run-table";
import { useTRPC } from "@/trpc/client";

export function RunsTable() {
  const trpc = useTRPC();
  const runs = useQuery({
    ...trpc.runs.list.queryOptions({}),
    refetchInterval: (q) =>
      q.state.data?.some((r) => r.status === "QUEUED" || r.status === "RUNNING") ? 2000 : false,
  });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Runs</h1>
          <p className="sub">Every training run in this project, newest first.</p>
        </div>
        <div className="row">
          <Link className="btn" href="/sweeps/new">
            + New sweep
          </Link>
          <Link className="btn btn-primary" href="/runs/new">
            + New run
          </Link>
        </div>
      </div>
      {runs.isPending ? (
        <div className="panel">
          <div className="skeleton" style={{ height: 160 }} />
        </div>
      ) : runs.isError ? (
        <div className="alert">Could not load runs: {runs.error.message}</div>
      ) : runs.data.length === 0 ? (
        <div className="panel empty">
          <h2>No runs yet</h2>
          <p>Launch a first run to see how an activation function trains, or a sweep to compare several.</p>
          <div className="row" style={{ justifyContent: "center" }}>
            <Link className="btn btn-primary" href="/runs/new">
              Launch a run
            </Link>
            <Link className="btn" href="/sweeps">
              Compare activations
            </Link>
          </div>
        </div>
      ) : (
        <RunTable runs={runs.data} />
      )}
    </>
  );
}
