"use client";
/** A table of runs: status, activation, dataset, shape, progress and the headline validation figures. */
import type { RouterOutputs } from "@actlab/api";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { TableHead } from "@/components/table-head";
import { formatDuration, formatMetric } from "@/lib/format";

export function RunTable({
  runs,
  testId = "runs-table",
}: {
  runs: RouterOutputs["sweeps"]["get"]["runs"];
  testId?: string;
}) {
  return (
    <div className="panel" style={{ padding: 0, overflowX: "auto" }}>
      <table className="table" data-testid={testId}>
        <TableHead
          columns={[
            "Run",
            "Status",
            "Activation",
            "Dataset",
            "Layers",
            "Optimizer · lr",
            "Epochs",
            "Val acc",
            "Val loss",
            "Duration",
          ]}
        />
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <Link href={`/runs/${run.id}`}>{run.name}</Link>
              </td>
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td>{run.activation}</td>
              <td>{run.dataset}</td>
              <td className="num">{run.config?.hiddenLayers.join("-") ?? "—"}</td>
              <td className="num">{run.config ? `${run.config.optimizer} · ${run.config.lr}` : "—"}</td>
              <td className="num">
                {run.config ? `${run.epochsDone}/${run.config.epochs}` : run.epochsDone}
              </td>
              <td className="num">{formatMetric(run.summary?.final_val_acc)}</td>
              <td className="num">{formatMetric(run.summary?.final_val_loss)}</td>
              <td className="num">{formatDuration(run.startedAt, run.finishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
