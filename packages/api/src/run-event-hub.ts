/** One Redis subscriber connection shared by every open page: fans a run's events out to its listeners. */
import { type RunEvent, subscribeRunEvents } from "@actlab/queue";
import type { Redis } from "ioredis";

export type RunEventHub = {
  /** Calls onEvent for each event of the run until the returned function is called. */
  listen(runId: string, onEvent: (event: RunEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export function createRunEventHub(subscriber: Redis): RunEventHub {
  const listeners = new Map<string, Set<(e: RunEvent) => void>>();
  const unsubscribers = new Map<string, Promise<() => Promise<void>>>();
  return {
    async listen(runId, onEvent) {
      let set = listeners.get(runId);
      if (!set) {
        set = new Set();
        listeners.set(runId, set);
        unsubscribers.set(
          runId,
          subscribeRunEvents(subscriber, runId, (event) => {
            for (const l of listeners.get(runId) ?? []) l(event);
          }),
        );
      }
      set.add(onEvent);
      await unsubscribers.get(runId);
      return async () => {
        const current = listeners.get(runId);
        current?.delete(onEvent);
        if (current && current.size === 0) {
          listeners.delete(runId);
          const unsub = unsubscribers.get(runId);
          unsubscribers.delete(runId);
          await (await unsub)?.();
        }
      };
    },
    async close() {
      listeners.clear();
      await subscriber.quit();
    },
  };
}
