/** One claim: the hypothesis, the experiment, one click to run it, and the measured answer with its chart. */
import type { LabOutcome } from "@actlab/analysis";
import type { RouterOutputs } from "@actlab/api";
import Link from "next/link";
import { ClaimChart } from "./claim-chart";
import styles from "./lab.module.css";

export type ClaimView = RouterOutputs["lab"]["claims"][number];

const OUTCOME_CLASS: Record<LabOutcome, string> = {
  confirmed: styles.confirmed as string,
  "not confirmed": styles.notConfirmed as string,
  "not significant": styles.notSignificant as string,
  waiting: styles.waiting as string,
};

export function ClaimCard(props: {
  claim: ClaimView;
  canLaunch: boolean;
  launchBlocked: string | null;
  launching: boolean;
  onLaunch: () => void;
  /** Seeds "+N seeds" adds to the claim's latest sweep. */
  moreSeeds: number;
  addingSeeds: boolean;
  onAddSeeds: (sweepId: string) => void;
}) {
  const { claim } = props;
  const answer = claim.answer;
  return (
    <article className={`panel ${styles.card}`} data-testid={`claim-${claim.id}`}>
      <h2>{claim.title}</h2>
      <p className={styles.hypothesis}>{claim.hypothesis}</p>
      <p className={styles.experiment}>{claim.experiment}</p>
      {answer ? (
        <>
          <span className={`${styles.outcome} ${OUTCOME_CLASS[answer.outcome]}`} data-testid="claim-outcome">
            {answer.outcome}
            {answer.finished < answer.total ? ` · ${answer.finished}/${answer.total} runs done` : ""}
          </span>
          <p className={styles.sentence} data-testid="claim-sentence">
            {answer.sentence}
          </p>
          <p className={styles.wouldChange}>{answer.wouldChange}</p>
          {answer.chart ? <ClaimChart chart={answer.chart} /> : null}
        </>
      ) : (
        <p className={styles.noData}>Not run in this project yet.</p>
      )}
      <div className={styles.actions}>
        {props.canLaunch ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={props.launching || props.launchBlocked !== null}
            title={props.launchBlocked ?? undefined}
            onClick={props.onLaunch}
            data-testid="claim-launch"
          >
            {answer ? "Run again on this dataset" : "Test it on this dataset"}
          </button>
        ) : null}
        {props.canLaunch && claim.sweep && answer && answer.finished === answer.total ? (
          // More evidence on the same sweep: the answer is recomputed over all its runs.
          <button
            type="button"
            className="btn"
            disabled={props.addingSeeds}
            onClick={() => claim.sweep && props.onAddSeeds(claim.sweep.id)}
            data-testid="claim-add-seeds"
          >
            +{props.moreSeeds} seeds
          </button>
        ) : null}
        {props.launchBlocked ? <span className="muted">{props.launchBlocked}</span> : null}
        {claim.sweep ? (
          <Link href={`/sweeps/${claim.sweep.id}`} prefetch={false}>
            The sweep on {claim.sweep.dataset} →
          </Link>
        ) : null}
      </div>
    </article>
  );
}
