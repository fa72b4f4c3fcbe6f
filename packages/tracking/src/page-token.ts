/** MLflow's page tokens: base64 of `{"offset": n}`, opaque to clients. */
import { invalid } from "./errors";

export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64");
}

export function decodePageToken(token: string | undefined): number {
  if (!token) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(token, "base64").toString("utf8")) as { offset?: unknown };
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the refusal below
  }
  throw invalid(`Invalid page token, could not base64-decode and parse as JSON: ${token.slice(0, 100)}`);
}
