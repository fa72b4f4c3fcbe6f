/**
 * An artifact path as a client sends it, made safe: relative, "/"-separated, no "." or ".." segment,
 * no backslash or NUL, bounded length. Anything else is refused rather than "cleaned", so a path can
 * never name a file outside its run's folder whatever the store does with it.
 */
import { invalid } from "../errors";

const MAX_PATH = 1000;
const MAX_SEGMENT = 255;

export function safeArtifactPath(raw: string, { allowEmpty = false } = {}): string {
  const path = raw.replace(/\/+$/, "");
  if (path === "" && allowEmpty) return "";
  if (path === "") throw invalid("An artifact path is required");
  if (path.length > MAX_PATH) throw invalid(`Artifact path is longer than ${MAX_PATH} characters`);
  if (/[\\\0]/.test(path) || path.startsWith("/") || /^[a-zA-Z]:/.test(path))
    throw invalid(
      `Invalid artifact path '${path.slice(0, 200)}': it must be relative, with "/" between folders`,
    );
  for (const segment of path.split("/")) {
    if (segment === "" || segment === "." || segment === "..")
      throw invalid(`Invalid artifact path '${path.slice(0, 200)}': no empty, "." or ".." parts`);
    if (segment.length > MAX_SEGMENT)
      throw invalid(`Artifact path part longer than ${MAX_SEGMENT} characters`);
  }
  return path;
}
