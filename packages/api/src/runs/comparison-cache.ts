/**
 * An in-process LRU of comparisons' series, shared by every reader of this web process, with identical
 * reads in flight coalesced: a team opening one shared report costs one read of the series, not one each.
 * An entry's key carries the runs' series versions, so a new point (or a retry) makes the next read miss.
 */

export type ComparisonCacheStats = {
  /** Loads actually run (each one reads the database); hits and coalesced waiters run none. */
  loads: number;
  hits: number;
  /** Callers that waited on a load another caller had started. */
  coalesced: number;
  entries: number;
  bytes: number;
};

export type ComparisonCache = {
  /** The value cached under key, else the one a load in flight will give, else load()'s (cached when it resolves). */
  getOrLoad<T>(key: string, load: () => Promise<T>, sizeOf: (value: T) => number): Promise<T>;
  stats(): ComparisonCacheStats;
};

export function createComparisonCache(options: { maxBytes: number }): ComparisonCache {
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, { value: unknown; bytes: number }>();
  const inFlight = new Map<string, Promise<unknown>>();
  const counts = { loads: 0, hits: 0, coalesced: 0 };
  let bytes = 0;

  const store = (key: string, value: unknown, size: number) => {
    if (size > options.maxBytes) return; // larger than the whole cache: serve it, keep nothing
    const old = entries.get(key);
    if (old) {
      entries.delete(key);
      bytes -= old.bytes;
    }
    entries.set(key, { value, bytes: size });
    bytes += size;
    for (const [oldest, entry] of entries) {
      if (bytes <= options.maxBytes) break;
      entries.delete(oldest);
      bytes -= entry.bytes;
    }
  };

  return {
    getOrLoad<T>(key: string, load: () => Promise<T>, sizeOf: (value: T) => number): Promise<T> {
      const hit = entries.get(key);
      if (hit) {
        counts.hits++;
        entries.delete(key);
        entries.set(key, hit);
        return Promise.resolve(hit.value as T);
      }
      const pending = inFlight.get(key);
      if (pending) {
        counts.coalesced++;
        return pending as Promise<T>;
      }
      counts.loads++;
      // A failed load reaches every waiter and leaves nothing behind: the next caller loads afresh.
      const loading = load().then(
        (value) => {
          inFlight.delete(key);
          store(key, value, sizeOf(value));
          return value;
        },
        (err: unknown) => {
          inFlight.delete(key);
          throw err;
        },
      );
      inFlight.set(key, loading);
      return loading;
    },
    stats: () => ({ ...counts, entries: entries.size, bytes }),
  };
}
