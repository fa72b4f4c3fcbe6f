/** Live run events over Redis pub/sub: the worker publishes, the web app streams them to open pages. */
import type { Redis } from "ioredis";
import { runChannel, sweepChannel } from "./constants";
import { type RunEvent, ZRunEvent } from "./contracts";

/** Publishes on the run's channel, and status/progress also on its sweep's channel when it has one. */
export async function publishRunEvent(redis: Redis, event: RunEvent, sweepId?: string | null): Promise<void> {
  await publishRunEvents(redis, [event], sweepId);
}

/**
 * Publishes events in order, all sent before any answer is awaited: one round trip for the lot (a
 * connection keeps the order it was given), not one per event and channel.
 */
export async function publishRunEvents(
  redis: Redis,
  events: readonly RunEvent[],
  sweepId?: string | null,
): Promise<void> {
  const sent: Promise<number>[] = [];
  for (const event of events) {
    const message = JSON.stringify(event);
    sent.push(redis.publish(runChannel(event.runId), message));
    if (sweepId && (event.type === "status" || event.type === "progress"))
      sent.push(redis.publish(sweepChannel(sweepId), message));
  }
  await Promise.all(sent);
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
