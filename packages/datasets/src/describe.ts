/** describeDatasets: the builtin tables for the dataset picker, with whether their files are on this machine. */
import { BUILTIN_TABLES } from "@actlab/core";
import { BUILTIN_CATALOG, type BuiltinInfo } from "./catalog";
import { locateIdxFiles } from "./load-builtin";

export type BuiltinDescription = BuiltinInfo & { available: boolean; unavailableReason: string | null };

function availability(name: BuiltinInfo["name"]): { available: boolean; unavailableReason: string | null } {
  if (name !== "mnist" && name !== "fashion_mnist") return { available: true, unavailableReason: null };
  try {
    locateIdxFiles(name);
    return { available: true, unavailableReason: null };
  } catch (e) {
    return { available: false, unavailableReason: (e as Error).message };
  }
}

export function describeDatasets(): BuiltinDescription[] {
  return BUILTIN_TABLES.map((name) => ({ ...BUILTIN_CATALOG[name], ...availability(name) }));
}
