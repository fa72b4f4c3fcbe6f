/** One Redis subscriber connection shared by every open page: fans a channel's events out to its listeners. */
import { type RunEvent, subscribeRunEvents } from "@actlab/queue";
import type { Redis } from "ioredis";

export type RunEventHub = {
  /** Calls onEvent for each event on the channel (runChannel / sweepChannel) until the returned function is called. */
  listen(channel: string, onEvent: (event: RunEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export function createRunEventHub(subscriber: Redis): RunEventHub {
  subscriber.setMaxListeners(0); // one listener per watched channel
  const listeners = new Map<string, Set<(e: RunEvent) => void>>();
  const unsubscribers = new Map<string, Promise<() => Promise<void>>>();
  return {
    async listen(channel, onEvent) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        unsubscribers.set(
          channel,
          subscribeRunEvents(subscriber, channel, (event) => {
            for (const l of listeners.get(channel) ?? []) l(event);
          }),
        );
      }
      set.add(onEvent);
      await unsubscribers.get(channel);
      return async () => {
        const current = listeners.get(channel);
        current?.delete(onEvent);
        if (current && current.size === 0) {
          listeners.delete(channel);
          const unsub = unsubscribers.get(channel);
          unsubscribers.delete(channel);
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
