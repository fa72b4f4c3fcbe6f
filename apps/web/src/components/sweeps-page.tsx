"use client";
/** Sweeps: two-click presets ("every activation on spirals, 3 seeds") and the project's sweeps with their progress. */
import { countSweepRuns, ZSweepSpec } from "@actlab/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCanEdit } from "@/components/account/role-context";
import { PageHead } from "@/components/page-head";
import { TableHead } from "@/components/table-head";
import { everyActivationPresetFor } from "@/lib/dataset-presets";
import { useTRPC } from "@/trpc/client";

const PRESET_DATASETS = [
  "spirals",
  "moons",
  "circles",
  "xor",
  "iris",
  "digits",
  "mnist",
  "fashion_mnist",
] as const;

export function SweepsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const sweeps = useQuery({ ...trpc.sweeps.list.queryOptions({}), refetchInterval: 3000 });
  const canEdit = useCanEdit();
  const [armed, setArmed] = useState<string | null>(null);
  const launch = useMutation(
    trpc.sweeps.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/sweeps/${id}`) }),
  );

  return (
    <>
      <PageHead title="Sweeps" sub="Launch many runs at once: activations × hyperparameters × seeds.">
        {canEdit ? (
          <Link className="btn btn-primary" href="/sweeps/new">
            + Custom sweep
          </Link>
        ) : null}
      </PageHead>
      {canEdit ? (
        <section className="grid grid-4" style={{ marginBottom: 20 }}>
          {PRESET_DATASETS.map((name) => {
            const spec = everyActivationPresetFor(name);
            const parsed = ZSweepSpec.parse(spec);
            const runs = countSweepRuns(parsed);
            const isArmed = armed === name;
            return (
              <div key={name} className="panel preset-card">
                <strong>Every activation on {name}</strong>
                <span className="muted">
                  {parsed.axes.activation?.length} activations × {parsed.seeds} seeds,{" "}
                  {parsed.base.hiddenLayers.join("-")} network, {parsed.base.optimizer}, {parsed.base.epochs}{" "}
                  epochs: {runs} runs
                </span>
                <button
                  type="button"
                  className={`btn ${isArmed ? "btn-primary" : ""}`}
                  data-testid={`preset-${name}`}
                  disabled={launch.isPending}
                  onClick={() => (isArmed ? launch.mutate({ spec }) : setArmed(name))}
                >
                  {isArmed ? `Launch ${runs} runs` : "Compare"}
                </button>
              </div>
            );
          })}
        </section>
      ) : null}
      {launch.isError ? <div className="alert">{launch.error.message}</div> : null}
      {sweeps.isPending ? (
        <div className="skeleton" style={{ height: 120 }} />
      ) : sweeps.isError ? (
        <div className="alert">Could not load sweeps: {sweeps.error.message}</div>
      ) : sweeps.data.length === 0 ? (
        <div className="panel empty">No sweeps yet: pick a preset above or build a custom sweep.</div>
      ) : (
        <div className="panel" style={{ padding: 0 }}>
          <table className="table" data-testid="sweeps-table">
            <TableHead columns={["Sweep", "Runs", "Done", "Running", "Queued", "Failed", "Launched"]} />
            <tbody>
              {sweeps.data.map((s) => {
                const c = s.counts as Record<string, number>;
                const total = Object.values(c).reduce((a, b) => a + b, 0);
                return (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/sweeps/${s.id}`}>{s.name}</Link>
                    </td>
                    <td className="num">{total}</td>
                    <td className="num">{(c.COMPLETED ?? 0) + (c.DIVERGED ?? 0)}</td>
                    <td className="num">{c.RUNNING ?? 0}</td>
                    <td className="num">{c.QUEUED ?? 0}</td>
                    <td className="num">{(c.FAILED ?? 0) + (c.CANCELED ?? 0)}</td>
                    <td>{new Date(s.createdAt).toLocaleString()}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
