/**
 * MLflow's search grammar, shared by runs and experiments: clauses `<entity> <comparator> <value>`
 * joined by AND, where an entity is `prefix.key` and a key with dots, slashes or spaces is quoted in
 * backticks or double quotes (metrics.`val/acc`, tags."my tag"). Values are numbers, quoted strings,
 * or for IN a parenthesised list of strings.
 */
import { invalid } from "../errors";

export type Entity = { prefix: string | null; key: string };
export type Comparator = "=" | "!=" | ">" | ">=" | "<" | "<=" | "LIKE" | "ILIKE" | "IN" | "NOT IN";
export type Literal =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "list"; value: string[] };
export type Clause = { entity: Entity; comparator: Comparator; literal: Literal };

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  skipSpace() {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }
  done() {
    this.skipSpace();
    return this.pos >= this.text.length;
  }
  peek(n = 1) {
    return this.text.slice(this.pos, this.pos + n);
  }
  /** Reads a keyword (case-insensitive) when it comes next as a whole word. */
  keyword(word: string): boolean {
    this.skipSpace();
    const next = this.text.slice(this.pos, this.pos + word.length);
    const after = this.text[this.pos + word.length];
    if (next.toUpperCase() === word && (after === undefined || !/[\w]/.test(after))) {
      this.pos += word.length;
      return true;
    }
    return false;
  }
  fail(what: string): never {
    throw invalid(`Invalid filter '${this.text.slice(0, 200)}': ${what} at position ${this.pos}`);
  }
}

function readQuoted(c: Cursor, quote: string): string {
  c.pos++; // the opening quote
  let out = "";
  while (c.pos < c.text.length) {
    const ch = c.text[c.pos] as string;
    if (ch === "\\" && c.pos + 1 < c.text.length) {
      out += c.text[c.pos + 1];
      c.pos += 2;
      continue;
    }
    if (ch === quote) {
      c.pos++;
      return out;
    }
    out += ch;
    c.pos++;
  }
  return c.fail(`unterminated ${quote}`);
}

const BARE_KEY = /^[A-Za-z0-9_\-.:]+/;

function readEntity(c: Cursor): Entity {
  c.skipSpace();
  const first = c.peek();
  if (first === "`" || first === '"') return { prefix: null, key: readQuoted(c, first) };
  const word = BARE_KEY.exec(c.text.slice(c.pos))?.[0];
  if (!word) return c.fail("expected an identifier such as metrics.acc or params.lr");
  const dot = word.indexOf(".");
  if (dot === -1) {
    c.pos += word.length;
    return { prefix: null, key: word };
  }
  const prefix = word.slice(0, dot);
  const rest = word.slice(dot + 1);
  if (rest === "") {
    // prefix.`quoted key`
    c.pos += word.length;
    const q = c.peek();
    if (q !== "`" && q !== '"') return c.fail("expected a key after the dot");
    return { prefix, key: readQuoted(c, q) };
  }
  c.pos += word.length;
  return { prefix, key: rest };
}

function readComparator(c: Cursor): Comparator {
  c.skipSpace();
  for (const op of [">=", "<=", "!=", "=", ">", "<"] as const) {
    if (c.peek(op.length) === op) {
      c.pos += op.length;
      return op;
    }
  }
  if (c.keyword("LIKE")) return "LIKE";
  if (c.keyword("ILIKE")) return "ILIKE";
  if (c.keyword("IN")) return "IN";
  if (c.keyword("NOT")) {
    if (c.keyword("IN")) return "NOT IN";
    return c.fail("expected IN after NOT");
  }
  return c.fail("expected a comparator (= != > >= < <= LIKE ILIKE IN NOT IN)");
}

function readString(c: Cursor): string {
  c.skipSpace();
  const q = c.peek();
  if (q !== "'" && q !== '"') return c.fail("expected a quoted string");
  return readQuoted(c, q);
}

function readLiteral(c: Cursor, comparator: Comparator): Literal {
  c.skipSpace();
  if (comparator === "IN" || comparator === "NOT IN") {
    if (c.peek() !== "(") return c.fail("expected ( after IN");
    c.pos++;
    const value: string[] = [readString(c)];
    for (;;) {
      c.skipSpace();
      if (c.peek() === ")") {
        c.pos++;
        return { kind: "list", value };
      }
      if (c.peek() !== ",") return c.fail("expected , or ) in the IN list");
      c.pos++;
      value.push(readString(c));
    }
  }
  const q = c.peek();
  if (q === "'" || q === '"') return { kind: "string", value: readQuoted(c, q) };
  const num = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(c.text.slice(c.pos))?.[0];
  if (!num) return c.fail("expected a number or a quoted string");
  c.pos += num.length;
  return { kind: "number", value: Number(num) };
}

export function parseClauses(text: string | undefined): Clause[] {
  if (!text || text.trim() === "") return [];
  const c = new Cursor(text);
  const clauses: Clause[] = [];
  for (;;) {
    const entity = readEntity(c);
    const comparator = readComparator(c);
    clauses.push({ entity, comparator, literal: readLiteral(c, comparator) });
    if (c.done()) return clauses;
    if (c.keyword("OR")) c.fail("OR is not supported (only AND)");
    if (!c.keyword("AND")) c.fail("expected AND");
  }
}

export type OrderTerm = { entity: Entity; ascending: boolean };

/** `metrics.acc DESC`, `attributes.start_time`, `params.\`my.lr\` ASC`. */
export function parseOrderBy(term: string): OrderTerm {
  const c = new Cursor(term);
  const entity = readEntity(c);
  let ascending = true;
  if (c.keyword("DESC")) ascending = false;
  else c.keyword("ASC");
  if (!c.done()) c.fail("expected ASC or DESC at the end of the order_by term");
  return { entity, ascending };
}
