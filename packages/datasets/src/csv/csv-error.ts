/** A CSV the app refuses, with the line (and the column, when one is at fault) the problem is on. */
export class CsvDatasetError extends Error {
  override name = "CsvDatasetError";
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}
