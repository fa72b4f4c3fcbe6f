/**
 * A value made once per server process and kept on globalThis, so Next's module reloads (dev mode, and
 * route bundles that each load this module) reuse it instead of opening a second database or Redis.
 */
export function processSingleton<T>(name: string, create: () => T): () => T {
  const key = Symbol.for(name);
  return () => {
    const g = globalThis as typeof globalThis & { [key]?: T };
    if (!(key in g)) g[key] = create();
    return g[key] as T;
  };
}
