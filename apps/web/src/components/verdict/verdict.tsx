"use client";
/** The sweep's verdict: which group wins, by how much and how sure (one sentence), then the ranked evidence. */
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useCanEdit } from "@/components/account/role-context";
import { useTRPC } from "@/trpc/client";
import styles from "./verdict.module.css";
import { formatPct, parseTargetPct } from "./verdict-format";
import { VerdictTable } from "./verdict-table";

/** A sweep's runs, or any chosen runs (the compare view's selection, runs logged from outside). */
export type VerdictSource =
  | { sweepId: string; runIds?: undefined }
  | { runIds: string[]; sweepId?: undefined };

export function Verdict(source: VerdictSource) {
  const trpc = useTRPC();
  const [groupBy, setGroupBy] = useState("activation");
  const [targetText, setTargetText] = useState("");
  const parsed = parseTargetPct(targetText);
  // Typing "92.5" should ask once, not for "9", "92", "92." and "92.5".
  const [target, setTarget] = useState<number | undefined>(undefined);
  const typed = "target" in parsed ? parsed.target : null;
  useEffect(() => {
    if (typed === null) return;
    const t = setTimeout(() => setTarget(typed), 350);
    return () => clearTimeout(t);
  }, [typed]);
  const { sweepId, runIds } = source;
  const ofSweep = useQuery({
    ...trpc.sweeps.verdict.queryOptions({ sweepId: sweepId ?? "", groupBy, target }),
    enabled: sweepId !== undefined,
    placeholderData: keepPreviousData,
  });
  // Chosen runs may still be logging (from the trainer or an MLflow client): ask again now and then.
  const ofRuns = useQuery({
    ...trpc.runs.verdict.queryOptions({ runIds: runIds ?? [], groupBy, target }),
    enabled: runIds !== undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const verdict = sweepId !== undefined ? ofSweep : ofRuns;
  // The sweep page keeps this query live; read its count of finished runs from the same cache (no extra
  // request) and recompute the verdict whenever another run finishes.
  const sweep = useQuery({
    ...trpc.sweeps.get.queryOptions({ sweepId: sweepId ?? "" }),
    enabled: sweepId !== undefined,
  });
  const done = sweep.data?.progress.done;
  const canEdit = useCanEdit();
  const addSeeds = useMutation(
    trpc.sweeps.addSeeds.mutationOptions({ onSuccess: () => void sweep.refetch() }),
  );
  const refetch = verdict.refetch;
  const seenDone = useRef(done);
  useEffect(() => {
    // Only on a change: the first render already fetches.
    if (done === undefined || done === seenDone.current) return;
    seenDone.current = done;
    void refetch();
  }, [done, refetch]);

  if (verdict.isPending) {
    return (
      <section className="panel grid" data-testid="verdict-loading" aria-busy="true">
        <h2 style={{ margin: 0 }}>Verdict</h2>
        <div className="skeleton" style={{ height: 28, width: "70%" }} />
        <div className="skeleton" style={{ height: 140 }} />
      </section>
    );
  }
  if (verdict.isError) {
    return (
      <section className="panel">
        <div className="alert" data-testid="verdict-error">
          The verdict could not be computed: {verdict.error.message}{" "}
          <button type="button" className="btn" onClick={() => void verdict.refetch()}>
            Retry
          </button>
          {groupBy !== "activation" ? (
            <>
              {" "}
              <button type="button" className="btn" onClick={() => setGroupBy("activation")}>
                Group by activation
              </button>
            </>
          ) : null}
        </div>
      </section>
    );
  }
  const v = verdict.data;
  const ranked = v.groups.filter((g) => g.rank !== null);
  const options = [
    "activation",
    ...v.groupKeys
      .filter((k) => k.distinct > 1 && k.key !== "activation" && k.key !== "seed")
      .map((k) => k.key),
  ];
  if (ranked.length === 0) {
    return (
      <section className="panel grid" style={{ gap: 6 }} data-testid="verdict-empty">
        <h2 style={{ margin: 0 }}>Verdict</h2>
        <p className="muted" style={{ margin: 0 }}>
          {v.sentence}
          {v.pendingRuns > 0
            ? ` ${v.pendingRuns} ${v.pendingRuns === 1 ? "run" : "runs"} queued or running.`
            : ""}
        </p>
      </section>
    );
  }
  return (
    <section
      className={`panel grid ${verdict.isFetching && verdict.isPlaceholderData ? styles.updating : ""}`}
      data-testid="verdict"
      aria-labelledby="verdict-title"
    >
      <div className={styles.head}>
        <div className="grid" style={{ gap: 6, flex: "1 1 480px" }}>
          <h2 id="verdict-title" style={{ margin: 0 }}>
            Verdict
          </h2>
          <p className={styles.sentence} data-testid="verdict-sentence">
            {v.sentence}
          </p>
        </div>
        <div className={styles.controls}>
          <label>
            Group by
            <select
              value={groupBy}
              onChange={(e) => setGroupBy(e.target.value)}
              data-testid="verdict-group-by"
            >
              {options.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          {sweepId !== undefined && canEdit ? (
            <button
              type="button"
              className="btn"
              data-testid="verdict-add-seeds"
              title="run every config of this sweep with 3 more seeds: the answer updates as they finish"
              disabled={addSeeds.isPending}
              onClick={() => addSeeds.mutate({ sweepId, seeds: 3 })}
            >
              +3 seeds
            </button>
          ) : null}
          {addSeeds.error ? <span className={styles.fieldError}>{addSeeds.error.message}</span> : null}
          <label>
            Target accuracy
            <input
              inputMode="decimal"
              placeholder={v.target === null ? "e.g. 90" : `${formatPct(v.target, 0)} (default)`}
              value={targetText}
              onChange={(e) => setTargetText(e.target.value)}
              aria-invalid={"error" in parsed}
              data-testid="verdict-target"
            />
            {"error" in parsed ? <span className={styles.fieldError}>{parsed.error}</span> : null}
          </label>
        </div>
      </div>
      <VerdictTable groups={v.groups} alpha={v.alpha} target={v.target} pooled={v.pooled} />
      <p className={styles.note}>
        Final {v.metric} over completed {v.pooled ? "runs" : "seeds"}; diverged runs are counted apart. p:
        Welch&apos;s t-test against the best group, Holm-adjusted for the number of comparisons (below{" "}
        {v.alpha}, the gap is unlikely to be seed noise). Target {formatPct(v.target)}
        {v.targetIsDefault ? ", 95% of the best group's mean" : ""}.
        {v.pendingRuns > 0
          ? ` ${v.pendingRuns} runs still queued or running: the verdict updates as they finish.`
          : ""}
      </p>
    </section>
  );
}
