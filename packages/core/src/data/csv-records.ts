/** RFC 4180 record splitter: quoted fields (with "" escapes and embedded newlines), LF or CRLF line ends. */

export type CsvRecord = { line: number; fields: string[] };

/** Splits `text` into records, each tagged with the 1-based line it starts on; blank lines are dropped. */
export function splitCsvRecords(text: string, fail: (line: number, problem: string) => never): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0]?.trim() === "";
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field.trim() === "") {
      const quoteLine = line;
      field = "";
      i++;
      for (;;) {
        if (i >= text.length) fail(quoteLine, "unterminated quoted field");
        const q = text[i];
        if (q === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (q === '"') {
          i++;
          break;
        } else {
          if (q === "\n") line++;
          field += q;
          i++;
        }
      }
      while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        if (text[i]?.trim() !== "") fail(quoteLine, "unexpected text after a closing quote");
        i++;
      }
      continue;
    }
    if (c === ",") {
      fields.push(field);
      field = "";
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
