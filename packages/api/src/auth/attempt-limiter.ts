/**
 * Fixed-window attempt counters in Redis, so every web process shares them: one INCR per attempt, and
 * the window's expiry set in the same Lua script, so no counter is ever left without one.
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** At most `max` attempts per `window` seconds. */
export type LimitRule = { window: number; max: number };
export type LimitVerdict = { allowed: boolean; retryAfterS: number };
export type AttemptLimiter = { hit(key: string, rule: LimitRule): Promise<LimitVerdict> };

const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export function createAttemptLimiter(redis: Redis, prefix = "actlab:limit:"): AttemptLimiter {
  return {
    async hit(key, { window, max }) {
      // Hashed: the keys hold e-mail addresses and client IPs, which Redis need not keep in clear.
      const id = createHash("sha256").update(`${window}:${max}:${key}`).digest("hex");
      const [count, ttlMs] = (await redis.eval(HIT, 1, `${prefix}${id}`, window * 1000)) as [number, number];
      return { allowed: count <= max, retryAfterS: Math.max(1, Math.ceil(ttlMs / 1000)) };
    },
  };
}
