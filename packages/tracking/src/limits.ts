/** MLflow's log-batch limits, checked on the raw body before any item is parsed, with MLflow's reasons. */
import { MlflowError } from "./errors";

export const BATCH_LIMITS = {
  metrics: 1000,
  params: 100,
  tags: 100,
  entities: 1000,
  bytes: 1_048_576,
} as const;

const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

export function checkBatchLimits(input: unknown, bodyBytes: number): void {
  const body = (input ?? {}) as Record<string, unknown>;
  if (bodyBytes > BATCH_LIMITS.bytes)
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `Batched logging API requests must be at most ${BATCH_LIMITS.bytes} bytes, got a request of ${bodyBytes} bytes`,
    );
  const metrics = count(body.metrics);
  const params = count(body.params);
  const tags = count(body.tags);
  const tooMany = (what: string, max: number, got: number) =>
    new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `A batch logging request can contain at most ${max} ${what}. Got ${got} ${what}. Please split up ${what} across multiple requests and try again.`,
    );
  if (metrics > BATCH_LIMITS.metrics) throw tooMany("metrics", BATCH_LIMITS.metrics, metrics);
  if (params > BATCH_LIMITS.params) throw tooMany("params", BATCH_LIMITS.params, params);
  if (tags > BATCH_LIMITS.tags) throw tooMany("tags", BATCH_LIMITS.tags, tags);
  const total = metrics + params + tags;
  if (total > BATCH_LIMITS.entities)
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `A batch logging request can contain at most ${BATCH_LIMITS.entities} metrics, params, and tags in total. Got ${total} in total.`,
    );
}
