/**
 * One folder of a run's artifacts from the flat index: its files, and its sub-folders (derived from the
 * paths below them), as MLflow's FileInfo. The proxied-artifact list names entries by basename; the
 * tracking API's artifacts/list by their path from the artifact root.
 */
import type { RunArtifactEntry } from "@actlab/db";

export type FileInfo = { path: string; is_dir: boolean; file_size?: number };

export function folderListing(
  entries: RunArtifactEntry[],
  folder: string,
  naming: "basename" | "root-relative",
): FileInfo[] {
  const under = folder ? `${folder}/` : "";
  const seen = new Map<string, FileInfo>();
  for (const e of entries) {
    if (!e.path.startsWith(under)) continue;
    const rest = e.path.slice(under.length);
    const slash = rest.indexOf("/");
    const name = slash < 0 ? rest : rest.slice(0, slash);
    if (seen.has(name)) continue;
    const path = naming === "basename" ? name : `${under}${name}`;
    seen.set(name, slash < 0 ? { path, is_dir: false, file_size: e.size } : { path, is_dir: true });
  }
  return [...seen.values()];
}
