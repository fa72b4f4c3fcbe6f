/** Turns a hub channel into an async generator for a tRPC subscription; ends when the client goes away. */
import type { RunEvent } from "@actlab/queue";
import type { RunEventHub } from "./run-event-hub";

/**
 * Yields `first()` (a snapshot) and then every event on the channel. Subscribes before `first` runs,
 * so nothing published in between is lost (clients dedupe by step).
 */
export async function* streamEvents<F = never>(
  hub: RunEventHub,
  channel: string,
  signal: AbortSignal | undefined,
  first?: () => Promise<F>,
): AsyncGenerator<RunEvent | F> {
  const queue: RunEvent[] = [];
  let wake: (() => void) | null = null;
  const stop = await hub.listen(channel, (event) => {
    queue.push(event);
    wake?.();
  });
  try {
    if (first) yield await first();
    while (!signal?.aborted) {
      const event = queue.shift();
      if (event) {
        yield event;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        signal?.addEventListener("abort", () => resolve(), { once: true });
      });
      wake = null;
    }
  } finally {
    await stop();
  }
}
