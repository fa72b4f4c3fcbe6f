"use client";
/**
 * The epoch the insights show: the run's saved epochs (refetched when a new epoch ends), the selected one
 * (the newest unless the user pinned another), its weights, and a player that steps through them.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/client";

/** Time each frame stays up while playing, once its weights have arrived. */
const FRAME_MS = 300;
const FINAL_ERRORS = new Set(["NOT_FOUND", "UNPROCESSABLE_CONTENT", "BAD_REQUEST", "FORBIDDEN"]);

export function useEpochWeights(runId: string, liveEpoch: number | null) {
  const trpc = useTRPC();
  const checkpoints = useQuery(trpc.runs.checkpoints.queryOptions({ runId }));
  const refetch = checkpoints.refetch;
  // An epoch that just ended has just saved its weights: list them again.
  useEffect(() => {
    if (liveEpoch !== null) void refetch();
  }, [liveEpoch, refetch]);

  const epochs = checkpoints.data?.epochs.map((e) => e.epoch) ?? [];
  const newest = epochs[epochs.length - 1] ?? null;
  const [pinned, setPinned] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const selected = pinned !== null && epochs.includes(pinned) ? pinned : newest;

  const weights = useQuery({
    ...trpc.runs.weights.queryOptions({ runId, epoch: selected ?? 0 }),
    enabled: selected !== null,
    // One epoch's weights never change; keep showing the last picture while the next one loads.
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
    // Stored weights that failed validation (a diverged epoch) or are gone will not change on a retry.
    retry: (count, err) =>
      count < 2 && !FINAL_ERRORS.has((err as { data?: { code?: string } }).data?.code ?? ""),
  });
  const shownEpoch = weights.data?.epoch ?? null;
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
    following: pinned === null || pinned === newest,
    playing,
    /** Pick an epoch; picking the newest follows new epochs again. */
    select(epoch: number) {
      setPlaying(false);
      setPinned(epoch === newest ? null : epoch);
    },
    togglePlay() {
      if (playing) return setPlaying(false);
      // From the end, play starts over from the first saved epoch.
      if (selected === newest && epochs[0] !== undefined) setPinned(epochs[0]);
      setPlaying(true);
    },
  };
}
