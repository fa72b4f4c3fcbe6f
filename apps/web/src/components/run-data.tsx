"use client";
/**
 * What a run trained on and how to get the same run again: the dataset (an upload's name, version and
 * SHA-256), the split and its seed, and "Run again", which launches the stored config unchanged: same
 * data, same seed, so its training metrics repeat bit for bit.
 */
import type { RouterOutputs } from "@actlab/api";
import { datasetLabel } from "@actlab/core";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCanEdit } from "@/components/account/role-context";
import { KeyValue } from "@/components/key-value";
import { useTRPC } from "@/trpc/client";

type Run = RouterOutputs["runs"]["get"]["run"];
type Config = NonNullable<Run["config"]>;

function describeData(dataset: Config["dataset"]): [string, string][] {
  switch (dataset.kind) {
    case "uploaded":
      return [
        ["dataset", datasetLabel(dataset)],
        ["sha-256", dataset.hash],
      ];
    case "generated":
      return [
        ["dataset", `${dataset.name} (generated)`],
        [
          "generator",
          `${dataset.samples} samples · noise ${dataset.noise} · ${dataset.classes} classes · data seed ${dataset.seed}`,
        ],
      ];
    case "builtin":
      return [["dataset", `${dataset.name} (shipped table)`]];
  }
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function RunData({ run }: { run: Run & { config: Config } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const canEdit = useCanEdit();
  const again = useMutation(
    trpc.runs.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/runs/${id}`) }),
  );
  const { config } = run;
  const train = 1 - config.split.validation - config.split.test;
  return (
    <section className="panel" data-testid="run-data">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2>Data and reproduction</h2>
        {canEdit && !run.external ? (
          <button
            type="button"
            className="btn"
            data-testid="run-again"
            disabled={again.isPending}
            title="Launch this exact config again: same data, same seed, the same training numbers"
            onClick={() => again.mutate({ config, name: `${run.name} (again)` })}
          >
            Run again
          </button>
        ) : null}
      </div>
      <dl className="kv">
        {describeData(config.dataset).map(([k, v]) => (
          <KeyValue key={k} k={k} v={v} />
        ))}
        <KeyValue
          k="split"
          v={`train ${percent(train)} · validation ${percent(config.split.validation)} · test ${percent(config.split.test)}, shuffled with seed ${config.seed}`}
        />
        <KeyValue k="features" v={config.standardize ? "standardised on the training rows" : "as stored"} />
      </dl>
      {config.dataset.kind === "uploaded" ? (
        <p className="muted">
          The run names the upload by its hash, so it always trains on these exact bytes.{" "}
          <Link href="/datasets">Datasets</Link>
        </p>
      ) : null}
      <p className="muted">
        Run again repeats every training metric bit for bit; wall-clock figures (time/, perf/, sys/) differ.
      </p>
      {again.error ? <div className="alert">{again.error.message}</div> : null}
    </section>
  );
}
