"use client";
/** A sweep kept live: the sweep query, refetched (at most every 500 ms) when its SSE channel reports a change. */
import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/trpc/client";

export function useLiveSweep(sweepId: string) {
  const trpc = useTRPC();
  const sweep = useQuery(trpc.sweeps.get.queryOptions({ sweepId }));
  const [dirty, setDirty] = useState(0);
  const last = useRef(0);
  useSubscription(
    trpc.sweeps.live.subscriptionOptions(
      { sweepId },
      {
        // Kept on after a failed refresh, so the next change reads again.
        enabled: sweep.data !== undefined,
        // Runs that finished between the first read and the subscription sent no event we could see:
        // read once more as soon as we are listening.
        onStarted: () => setDirty((n) => n + 1),
        onData: () => setDirty((n) => n + 1),
      },
    ),
  );
  const refetch = sweep.refetch;
  useEffect(() => {
    if (dirty === 0) return;
    const wait = Math.max(0, 500 - (Date.now() - last.current));
    const t = setTimeout(() => {
      last.current = Date.now();
      void refetch();
    }, wait);
    return () => clearTimeout(t);
  }, [dirty, refetch]);
  return sweep;
}
