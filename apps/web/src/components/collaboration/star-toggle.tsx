"use client";
/** The caller's own star on a run: anyone who can read the run may star it for themselves. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import styles from "./collaboration.module.css";

export function StarToggle({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.stars.get.queryKey({ runId });
  const star = useQuery(trpc.stars.get.queryOptions({ runId }));
  const set = useMutation(
    trpc.stars.set.mutationOptions({ onSuccess: (data) => queryClient.setQueryData(key, data) }),
  );
  const starred = star.data?.starred ?? false;
  return (
    <button
      type="button"
      className={`btn ${styles.star}`}
      aria-pressed={starred}
      disabled={!star.data || set.isPending}
      onClick={() => set.mutate({ runId, starred: !starred })}
      data-testid="star-toggle"
      title={starred ? "Unstar this run" : "Star this run (filter: starred = true)"}
    >
      <span aria-hidden className={starred ? styles.starOn : undefined}>
        {starred ? "★" : "☆"}
      </span>{" "}
      {starred ? "Starred" : "Star"}
    </button>
  );
}
