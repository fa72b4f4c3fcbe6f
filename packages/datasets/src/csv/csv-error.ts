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

/** The file is over the upload limit (as sent or after decompression): the server answers 413, not 400. */
export class CsvTooLargeError extends CsvDatasetError {
  override name = "CsvTooLargeError";
}
