"use client";
/** The project's runs: status, activation, dataset, shape and the headline validation figures. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { formatDuration, formatMetric } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

export function RunsTable() {
  const trpc = useTRPC();
  const runs = useQuery({
    ...trpc.runs.list.queryOptions({}),
    refetchInterval: (q) => (hasActive(q.state.data) ? 2000 : false),
  });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Runs</h1>
          <p className="sub">Every training run in this project, newest first.</p>
        </div>
        <Link className="btn btn-primary" href="/runs/new">
          + New run
        </Link>
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
          <p>Launch a first run to see how an activation function trains.</p>
          <Link className="btn btn-primary" href="/runs/new">
            Launch a run
          </Link>
        </div>
      ) : (
        <div className="panel" style={{ padding: 0, overflowX: "auto" }}>
          <table className="table" data-testid="runs-table">
            <thead>
              <tr>
                <th>Run</th>
                <th>Status</th>
                <th>Activation</th>
                <th>Dataset</th>
                <th>Layers</th>
                <th>Epochs</th>
                <th>Val acc</th>
                <th>Val loss</th>
                <th>Duration</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id}>
                  <td>
                    <Link href={`/runs/${run.id}`}>{run.name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  <td>{run.activation}</td>
                  <td>{run.dataset}</td>
                  <td className="num">{run.config.hiddenLayers.join("-")}</td>
                  <td className="num">
                    {run.epochsDone}/{run.config.epochs}
                  </td>
                  <td className="num">{formatMetric(run.summary?.final_val_acc)}</td>
                  <td className="num">{formatMetric(run.summary?.final_val_loss)}</td>
                  <td className="num">{formatDuration(run.startedAt, run.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function hasActive(data: Array<{ status: string }> | undefined): boolean {
  return !!data?.some((r) => r.status === "QUEUED" || r.status === "RUNNING");
}
