/**
 * Flattens a run config into key/value params ("lr", "hiddenLayers", "dataset.name") for filtering and sorting.
 * Pure, and exported as `@actlab/db/params`, so the run page lists a config with the same keys and values.
 */

export type ParamRow = { key: string; value: string; valueNum: number | null };

export function flattenParams(config: unknown, prefix = ""): ParamRow[] {
  if (config === null || config === undefined) return [];
  if (Array.isArray(config) || typeof config !== "object") {
    const value = Array.isArray(config) ? config.join("-") : String(config);
    return [{ key: prefix, value, valueNum: typeof config === "number" ? config : null }];
  }
  return Object.entries(config as Record<string, unknown>).flatMap(([k, v]) =>
    flattenParams(v, prefix ? `${prefix}.${k}` : k),
  );
}
