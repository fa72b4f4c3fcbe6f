/** Live run events over Redis pub/sub: the worker publishes, the web app streams them to open pages. */
import type { Redis } from "ioredis";
import { runChannel, sweepChannel } from "./constants";
import { type RunEvent, ZRunEvent } from "./contracts";

/** Publishes on the run's channel, and status/progress also on its sweep's channel when it has one. */
export async function publishRunEvent(redis: Redis, event: RunEvent, sweepId?: string | null): Promise<void> {
  const message = JSON.stringify(event);
  await redis.publish(runChannel(event.runId), message);
  if (sweepId && (event.type === "status" || event.type === "progress"))
    await redis.publish(sweepChannel(sweepId), message);
}

/**
 * Subscribes `subscriber` (a connection used only for subscriptions) to one channel of run events
 * (`runChannel(id)` or `sweepChannel(id)`). Returns an unsubscribe function. Malformed messages are
 * dropped, never thrown.
 */
export async function subscribeRunEvents(
  subscriber: Redis,
  channel: string,
  onEvent: (event: RunEvent) => void,
): Promise<() => Promise<void>> {
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
