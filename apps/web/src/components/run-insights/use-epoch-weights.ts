"use client";
/**
 * The epoch the insights show: the newest saved one while following a live run (unless the user pinned
 * another), its weights, the run's saved epochs for the slider, and a player that steps through them.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/client";
import { useFollow } from "./use-follow";

/** Time each frame stays up while playing, once its weights have arrived. */
const FRAME_MS = 300;
const FINAL_ERRORS = new Set(["NOT_FOUND", "UNPROCESSABLE_CONTENT", "BAD_REQUEST", "FORBIDDEN"]);

/**
 * `liveEpoch`: the newest epoch the page has heard of; `training`: the run may still save epochs (queued or
 * running) — once it ends, the newest weights and the list are read once more; `wanted`: anything is read
 * at all (not for a run whose data the browser cannot rebuild: nothing would draw them).
 */
export function useEpochWeights(runId: string, liveEpoch: number | null, training: boolean, wanted: boolean) {
  const trpc = useTRPC();
  const [pinned, setPinned] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);

  const checkpoints = useQuery(trpc.runs.checkpoints.queryOptions({ runId }, { enabled: wanted }));
  const epochs = checkpoints.data?.epochs.map((e) => e.epoch) ?? [];
  const listed = epochs[epochs.length - 1] ?? null;

  // Following asks for "newest" in one round trip; a pinned epoch (slider, player) asks for itself.
  const following = pinned === null || pinned === listed;
  const weights = useQuery({
    ...trpc.runs.weights.queryOptions({ runId, epoch: following ? "newest" : pinned }, { enabled: wanted }),
    // One epoch's weights never change; "newest" is asked again by the follower below, not by the cache.
    staleTime: Number.POSITIVE_INFINITY,
    // Keep showing the last picture while the next one loads.
    placeholderData: keepPreviousData,
    // Stored weights that failed validation (a diverged epoch) or are gone will not change on a retry;
    // a run that saved nothing yet is asked again by the follower.
    retry: (count, err) =>
      count < 2 && !FINAL_ERRORS.has((err as { data?: { code?: string } }).data?.code ?? ""),
  });
  const shownEpoch = weights.data?.epoch ?? null;
  const ahead = (known: number | null) =>
    training && liveEpoch !== null && (known === null || liveEpoch > known);
  // Its weights are saved just after an epoch is announced: an answer without it is asked again after the gap.
  const refetchWeights = weights.refetch;
  const refetchList = checkpoints.refetch;
  useFollow(wanted && following && ahead(shownEpoch), weights.isFetching, () => {
    void refetchWeights({ cancelRefetch: false });
  });
  useFollow(wanted && ahead(listed), checkpoints.isFetching, () => {
    void refetchList({ cancelRefetch: false });
  });
  // The last checkpoint is saved as the run ends, after its last epoch was announced.
  useEffect(() => {
    if (training || !wanted) return;
    void refetchList({ cancelRefetch: false });
    void refetchWeights({ cancelRefetch: false });
  }, [training, wanted, refetchList, refetchWeights]);

  const selected = following ? (shownEpoch ?? listed) : pinned;
  const failed = weights.isError;
  // An epoch whose weights cannot load would hold the player forever: stop there, the error shows why.
  useEffect(() => {
    if (failed) setPlaying(false);
  }, [failed]);

  // Playing: advance once the current frame's weights are in, stop (and follow the newest again) at the end.
  const epochKey = epochs.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: epochKey stands for the epochs list
  useEffect(() => {
    if (!playing || selected === null || shownEpoch !== selected) return;
    const t = setTimeout(() => {
      const next = epochs[epochs.indexOf(selected) + 1];
      if (next === undefined) {
        setPlaying(false);
        setPinned(null);
      } else setPinned(next);
    }, FRAME_MS);
    return () => clearTimeout(t);
  }, [playing, selected, shownEpoch, epochKey]);

  return {
    checkpoints,
    weights,
    epochs,
    selected,
    following,
    playing,
    /** Pick an epoch; picking the newest follows new epochs again. */
    select(epoch: number) {
      setPlaying(false);
      setPinned(epoch === listed ? null : epoch);
    },
    togglePlay() {
      if (playing) return setPlaying(false);
      // From the end, play starts over from the first saved epoch.
      if (following && epochs[0] !== undefined) setPinned(epochs[0]);
      setPlaying(true);
    },
  };
}
