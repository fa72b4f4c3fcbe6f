/** The error for a builtin dataset whose files are not on this machine: says which package provides them. */
export class DatasetSourceMissingError extends Error {
  override name = "DatasetSourceMissingError";
}
