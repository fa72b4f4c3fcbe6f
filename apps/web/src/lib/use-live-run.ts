"use client";
/** A run's state kept live: a snapshot from the SSE subscription, then every streamed event merged in. */
import type { RouterOutputs } from "@actlab/api";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { mergePoints, type SeriesMap, seriesFromRows } from "@/lib/series";
import { useTRPC } from "@/trpc/client";

type LiveRunView = RouterOutputs["runs"]["get"]["run"];

export type LiveRun = {
  run: LiveRunView | null;
  series: SeriesMap;
  progress: LiveRunView["progress"];
  connection: "connecting" | "live" | "error";
  error: string | null;
};

export function useLiveRun(runId: string): LiveRun {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<Omit<LiveRun, "connection" | "error">>({
    run: null,
    series: {},
    progress: null,
  });
  const sub = useSubscription(
    trpc.runs.live.subscriptionOptions(
      { runId },
      {
        onData: (event) => {
          // A small network's weights come with its epoch: the insights' query has them without asking.
          if (event.type === "weights") {
            const answer = { epoch: event.epoch, step: event.step, weights: event.weights };
            queryClient.setQueryData(trpc.runs.weights.queryKey({ runId, epoch: event.epoch }), answer);
            queryClient.setQueryData(trpc.runs.weights.queryKey({ runId, epoch: "newest" }), (held) =>
              held && held.epoch > event.epoch ? held : answer,
            );
            return;
          }
          setState((s) => {
            switch (event.type) {
              case "snapshot":
                return {
                  run: event.run,
                  series: mergePoints(seriesFromRows(event.series), []),
                  progress: event.run.progress,
                };
              case "metrics":
                return { ...s, series: mergePoints(s.series, event.points) };
              case "progress":
                return {
                  ...s,
                  progress: event.progress,
                  run: s.run
                    ? { ...s.run, epochsDone: event.progress.epoch, stepsDone: event.progress.step }
                    : s.run,
                };
              case "status":
                return {
                  ...s,
                  run: s.run ? { ...s.run, status: event.status, error: event.error ?? s.run.error } : s.run,
                };
              default:
                return s;
            }
          });
        },
      },
    ),
  );
  return {
    ...state,
    // tRPC's "pending" means connected and waiting for the next event.
    connection: sub.status === "error" ? "error" : sub.status === "pending" ? "live" : "connecting",
    error: sub.error?.message ?? null,
  };
}
