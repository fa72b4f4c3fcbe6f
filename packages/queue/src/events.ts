/** Live run events over Redis pub/sub: the worker publishes, the web app streams them to open pages. */
import type { Redis } from "ioredis";
import { runChannel } from "./constants";
import { type RunEvent, ZRunEvent } from "./contracts";

export async function publishRunEvent(redis: Redis, event: RunEvent): Promise<void> {
  await redis.publish(runChannel(event.runId), JSON.stringify(event));
}

/**
 * Subscribes `subscriber` (a connection used only for subscriptions) to one run's events.
 * Returns an unsubscribe function. Malformed messages are dropped, never thrown.
 */
export async function subscribeRunEvents(
  subscriber: Redis,
  runId: string,
  onEvent: (event: RunEvent) => void,
): Promise<() => Promise<void>> {
  const channel = runChannel(runId);
  const listener = (ch: string, message: string) => {
    if (ch !== channel) return;
    try {
      const parsed = ZRunEvent.safeParse(JSON.parse(message));
      if (parsed.success) onEvent(parsed.data);
    } catch {
      // not JSON: ignore
    }
  };
  subscriber.on("message", listener);
  await subscriber.subscribe(channel);
  return async () => {
    subscriber.off("message", listener);
    await subscriber.unsubscribe(channel);
  };
}
