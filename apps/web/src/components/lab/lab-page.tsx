"use client";
/** The activation lab: every textbook claim about activations as a one-click experiment with its measured answer. */
import { findLabClaim, launchBlocker } from "@actlab/analysis";
import { ZDatasetSpec } from "@actlab/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCanEdit } from "@/components/account/role-context";
import { PageHead } from "@/components/page-head";
import { datasetSpecOf } from "@/lib/dataset-choice";
import { useTRPC } from "@/trpc/client";
import { ClaimCard } from "./claim-card";
import styles from "./lab.module.css";

const SEED_CHOICES = [2, 3, 5, 8] as const;

export function LabPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit();
  const options = useQuery(trpc.meta.options.queryOptions());
  const [dataset, setDataset] = useState("moons");
  const [seeds, setSeeds] = useState(3);
  const claims = useQuery({
    ...trpc.lab.claims.queryOptions({}),
    // Poll only while some experiment is still running: a finished lab page stays quiet.
    refetchInterval: (query) =>
      query.state.data?.some((c) => c.answer && c.answer.finished < c.answer.total) ? 2000 : false,
  });
  const [launching, setLaunching] = useState<string | null>(null);
  const launch = useMutation(
    trpc.lab.launch.mutationOptions({
      onSettled: () => {
        setLaunching(null);
        void queryClient.invalidateQueries({ queryKey: trpc.lab.claims.queryKey() });
      },
    }),
  );
  const addSeeds = useMutation(
    trpc.sweeps.addSeeds.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.lab.claims.queryKey() }),
    }),
  );
  const spec = ZDatasetSpec.parse(datasetSpecOf(dataset, 600, 0.1));
  const datasets = [...(options.data?.generatedDatasets ?? []), ...(options.data?.builtinDatasets ?? [])];

  return (
    <>
      <PageHead
        title="Activation lab"
        sub="The textbook claims about activation functions, each a sweep you can run on your data, answered with the test behind the word: confirmed, not confirmed, or not significant with this many seeds."
      />
      <div className={styles.controls}>
        <label>
          Dataset
          <select value={dataset} onChange={(e) => setDataset(e.target.value)} data-testid="lab-dataset">
            {(datasets.length ? datasets : ["moons"]).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seeds per config
          <select value={seeds} onChange={(e) => setSeeds(Number(e.target.value))} data-testid="lab-seeds">
            {SEED_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          Generators use 600 samples with noise 0.1; the card's answer is from its latest sweep.
        </span>
      </div>
      {launch.isError ? <div className="alert">{launch.error.message}</div> : null}
      {addSeeds.isError ? <div className="alert">{addSeeds.error.message}</div> : null}
      {claims.isPending ? (
        <div className="skeleton" style={{ height: 240 }} />
      ) : claims.isError ? (
        <div className="alert">Could not load the lab: {claims.error.message}</div>
      ) : (
        <section className={styles.cards}>
          {claims.data.map((claim) => {
            const definition = findLabClaim(claim.id);
            const blocked = definition ? launchBlocker(definition, spec) : null;
            return (
              <ClaimCard
                key={claim.id}
                claim={claim}
                canLaunch={canEdit}
                launchBlocked={blocked}
                launching={launching === claim.id}
                onLaunch={() => {
                  setLaunching(claim.id);
                  launch.mutate({ claimId: claim.id, dataset: spec, seeds });
                }}
                moreSeeds={seeds}
                addingSeeds={addSeeds.isPending && addSeeds.variables?.sweepId === claim.sweep?.id}
                onAddSeeds={(sweepId) => addSeeds.mutate({ sweepId, seeds })}
              />
            );
          })}
        </section>
      )}
    </>
  );
}
