/**
 * The runs table's filter language: a hand-written tokenizer and recursive-descent parser.
 *   activation in (relu, swish) and val/acc > 0.9 and not (lr <= 0.01 or status = failed)
 * Names resolve to run fields, params (no slash: "lr", "dataset.name") or metric summaries (a slash:
 * "val/acc" is its last value; min(…), max(…), best(…), last(…), count(…) pick another figure).
 * Two collaboration names, so a team can filter by what it marked: `tag = baseline`, `tag in (a, b)`, and `starred = true`.
 */
import {
  COMPARE_OPS,
  type CompareOp,
  type FieldRef,
  type Literal,
  METRIC_AGGREGATES,
  type MetricAggregate,
  RUN_TABLE_FIELDS,
  type RunFilter,
  type RunTableField,
} from "@actlab/db";

/** A mistake in an expression, with the 1-based column it was found at. */
export class FilterExpressionError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(`${message} at column ${column}`);
    this.name = "FilterExpressionError";
  }
}

type Token =
  | { kind: "word"; text: string; col: number } // names, keywords and bare values (relu, 16-16)
  | { kind: "number"; value: number; text: string; col: number }
  | { kind: "string"; value: string; text: string; col: number }
  | { kind: "op"; text: CompareOp; col: number }
  | { kind: "punct"; text: "(" | ")" | ","; col: number }
  | { kind: "end"; text: ""; col: number };

const WORD_CHAR = /[A-Za-z0-9_./:\-+]/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    const col = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: "punct", text: c, col });
      i++;
    } else if (c === '"' || c === "'") {
      // Strings end at the matching quote; a backslash escapes the next character.
      let value = "";
      let j = i + 1;
      while (j < input.length && input[j] !== c) {
        if (input[j] === "\\" && j + 1 < input.length) j++;
        value += input[j];
        j++;
      }
      if (j >= input.length) throw new FilterExpressionError(`unterminated string (missing ${c})`, col);
      tokens.push({ kind: "string", value, text: input.slice(i, j + 1), col });
      i = j + 1;
    } else if ("<>=!".includes(c)) {
      const two = input.slice(i, i + 2);
      const text = (["<=", ">=", "!=", "<>", "=="] as const).find((o) => o === two) ?? c;
      if (text === "!") throw new FilterExpressionError("expected '!=' after '!'", col);
      const op = (text === "<>" ? "!=" : text === "==" ? "=" : text) as CompareOp;
      tokens.push({ kind: "op", text: op, col });
      i += text.length;
    } else if (WORD_CHAR.test(c)) {
      let j = i;
      while (j < input.length && WORD_CHAR.test(input[j] as string)) j++;
      const text = input.slice(i, j);
      tokens.push(
        NUMBER.test(text) ? { kind: "number", value: Number(text), text, col } : { kind: "word", text, col },
      );
      i = j;
    } else {
      throw new FilterExpressionError(`unexpected character '${c}'`, col);
    }
  }
  tokens.push({ kind: "end", text: "", col: input.length + 1 });
  return tokens;
}

const KEYWORDS = new Set(["and", "or", "not", "in"]);
const isKeyword = (t: Token, kw: string) => t.kind === "word" && t.text.toLowerCase() === kw;
const describe = (t: Token) => (t.kind === "end" ? "the end" : `'${t.text}'`);
const RUN_FIELD_BY_LOWER = new Map(
  (Object.keys(RUN_TABLE_FIELDS) as RunTableField[]).map((f) => [f.toLowerCase(), f] as const),
);

/** A name the expression used, where, and what it resolved to: the caller checks params and metrics exist. */
export type FieldUse = { ref: FieldRef; text: string; column: number };

/** Resolves a bare name: run field, else metric (it has a slash), else param. */
export function resolveName(name: string): FieldRef {
  const run = RUN_FIELD_BY_LOWER.get(name.toLowerCase());
  if (run) return { kind: "run", field: run };
  return name.includes("/") ? { kind: "metric", key: name, agg: "last" } : { kind: "param", key: name };
}

class Parser {
  private pos = 0;
  readonly uses: FieldUse[] = [];
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }
  private next(): Token {
    return this.tokens[this.pos++] as Token;
  }
  private expectPunct(text: "(" | ")", context: string) {
    const t = this.next();
    if (t.kind !== "punct" || t.text !== text)
      throw new FilterExpressionError(`expected '${text}' ${context}, found ${describe(t)}`, t.col);
  }

  parseAll(): RunFilter {
    const first = this.peek();
    if (first.kind === "end") throw new FilterExpressionError("expected a condition", first.col);
    const filter = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== "end")
      throw new FilterExpressionError(`expected 'and', 'or' or the end, found ${describe(rest)}`, rest.col);
    return filter;
  }

  /** Parses exactly one field reference ("lr", "val/acc", "max(val/acc)") and nothing after it. */
  parseFieldOnly(): FieldUse {
    const use = this.parseField();
    const rest = this.peek();
    if (rest.kind !== "end")
      throw new FilterExpressionError(`unexpected ${describe(rest)} after the name`, rest.col);
    return use;
  }

  private parseOr(): RunFilter {
    return this.parseJoined("or", () => this.parseAnd());
  }

  private parseAnd(): RunFilter {
    return this.parseJoined("and", () => this.parseNot());
  }

  /** Operands joined by one keyword (and binds tighter than or, by who calls whom); one operand stands alone. */
  private parseJoined(kind: "or" | "and", operand: () => RunFilter): RunFilter {
    const items = [operand()];
    while (isKeyword(this.peek(), kind)) {
      this.next();
      items.push(operand());
    }
    return items.length === 1 ? (items[0] as RunFilter) : { kind, items };
  }

  private parseNot(): RunFilter {
    if (isKeyword(this.peek(), "not")) {
      this.next();
      return { kind: "not", item: this.parseNot() };
    }
    const t = this.peek();
    if (t.kind === "punct" && t.text === "(") {
      this.next();
      const inner = this.parseOr();
      this.expectPunct(")", `to close the '(' opened at column ${t.col}`);
      return inner;
    }
    return this.parseComparison();
  }

  private parseField(): FieldUse {
    const t = this.next();
    if (t.kind !== "word" || KEYWORDS.has(t.text.toLowerCase()))
      throw new FilterExpressionError(`expected a field name, found ${describe(t)}`, t.col);
    const open = this.peek();
    if (!(open.kind === "punct" && open.text === "(")) {
      const use = { ref: resolveName(t.text), text: t.text, column: t.col };
      this.uses.push(use);
      return use;
    }
    const agg = t.text.toLowerCase() as MetricAggregate;
    if (!METRIC_AGGREGATES.includes(agg))
      throw new FilterExpressionError(
        `unknown function '${t.text}' (use ${METRIC_AGGREGATES.join(", ")})`,
        t.col,
      );
    this.next();
    const key = this.next();
    if (key.kind !== "word")
      throw new FilterExpressionError(
        `expected a metric name inside ${agg}(…), found ${describe(key)}`,
        key.col,
      );
    this.expectPunct(")", `after the metric name in ${agg}(…)`);
    const use = {
      ref: { kind: "metric", key: key.text, agg } as const,
      text: `${agg}(${key.text})`,
      column: t.col,
    };
    this.uses.push(use);
    return use;
  }

  private parseValue(after: string, field: FieldUse): Literal {
    const t = this.next();
    let value: Literal;
    if (t.kind === "number" || t.kind === "string") value = t.value;
    else if (t.kind === "word" && !KEYWORDS.has(t.text.toLowerCase())) value = t.text;
    else throw new FilterExpressionError(`expected a value after '${after}', found ${describe(t)}`, t.col);
    checkType(field, value, t.col);
    return value;
  }

  /** `tag = x`, `tag != x`, `tag in (…)`, `tag not in (…)`, `starred = true|false`, else null. */
  private parseCollaboration(): RunFilter | null {
    const name = this.peek();
    const after = this.tokens[this.pos + 1];
    if (name.kind !== "word" || (after?.kind === "punct" && after.text === "(")) return null;
    const lower = name.text.toLowerCase();
    if (lower !== "tag" && lower !== "starred") return null;
    this.next();
    const t = this.next();
    const value = (): string => {
      const v = this.next();
      if (v.kind === "word" || v.kind === "string" || v.kind === "number")
        return String(v.kind === "word" ? v.text : v.value);
      throw new FilterExpressionError(`expected a value after '${name.text}', found ${describe(v)}`, v.col);
    };
    if (lower === "starred") {
      if (t.kind !== "op" || (t.text !== "=" && t.text !== "!="))
        throw new FilterExpressionError(`'starred' takes '= true' or '= false', found ${describe(t)}`, t.col);
      const v = value().toLowerCase();
      if (v !== "true" && v !== "false")
        throw new FilterExpressionError(`'starred' is true or false; '${v}' is not`, t.col);
      return { kind: "starred", value: (v === "true") === (t.text === "=") };
    }
    if (t.kind === "op") {
      if (t.text !== "=" && t.text !== "!=")
        throw new FilterExpressionError(`'tag' takes =, != or in (…), found '${t.text}'`, t.col);
      const filter: RunFilter = { kind: "tag", names: [value()] };
      return t.text === "=" ? filter : { kind: "not", item: filter };
    }
    const negated = isKeyword(t, "not");
    const inTok = negated ? this.next() : t;
    if (!isKeyword(inTok, "in"))
      throw new FilterExpressionError(
        `expected =, != or in after 'tag', found ${describe(inTok)}`,
        inTok.col,
      );
    this.expectPunct("(", "after 'in'");
    const names = [value()];
    for (;;) {
      const sep = this.next();
      if (sep.kind === "punct" && sep.text === ")") break;
      if (!(sep.kind === "punct" && sep.text === ","))
        throw new FilterExpressionError(`expected ',' or ')' in the list, found ${describe(sep)}`, sep.col);
      names.push(value());
    }
    const filter: RunFilter = { kind: "tag", names };
    return negated ? { kind: "not", item: filter } : filter;
  }

  private parseComparison(): RunFilter {
    const collaboration = this.parseCollaboration();
    if (collaboration) return collaboration;
    const field = this.parseField();
    const t = this.next();
    if (t.kind === "op")
      return { kind: "compare", field: field.ref, op: t.text, value: this.parseValue(t.text, field) };
    const negated = isKeyword(t, "not");
    const inTok = negated ? this.next() : t;
    if (!isKeyword(inTok, "in"))
      throw new FilterExpressionError(
        `expected a comparison (${COMPARE_OPS.join(" ")} or in) after '${field.text}', found ${describe(inTok)}`,
        inTok.col,
      );
    this.expectPunct("(", "after 'in'");
    const values = [this.parseValue("(", field)];
    for (;;) {
      const sep = this.next();
      if (sep.kind === "punct" && sep.text === ")") break;
      if (!(sep.kind === "punct" && sep.text === ","))
        throw new FilterExpressionError(`expected ',' or ')' in the list, found ${describe(sep)}`, sep.col);
      values.push(this.parseValue(",", field));
    }
    const filter: RunFilter = { kind: "in", field: field.ref, values };
    return negated ? { kind: "not", item: filter } : filter;
  }
}

/** Metrics and numeric run fields take numbers; dates take something Date can read. */
function checkType(field: FieldUse, value: Literal, col: number) {
  const ref = field.ref;
  const type =
    ref.kind === "run" ? RUN_TABLE_FIELDS[ref.field].type : ref.kind === "metric" ? "number" : "any";
  if (type === "number" && typeof value !== "number")
    throw new FilterExpressionError(`'${field.text}' is a number; '${value}' is not`, col);
  if (type === "date" && (typeof value === "number" || Number.isNaN(Date.parse(value))))
    throw new FilterExpressionError(`'${field.text}' is a date; '${value}' is not (try "2026-11-28")`, col);
}

/** Parses a filter expression; `uses` lists every name so the caller can check the project has it. */
export function parseFilterExpression(input: string): { filter: RunFilter; uses: FieldUse[] } {
  const parser = new Parser(tokenize(input));
  const filter = parser.parseAll();
  return { filter, uses: parser.uses };
}

/** Parses one sort key or column: "createdAt", "lr", "val/acc", "max(val/acc)". */
export function parseFieldExpression(input: string): FieldUse {
  return new Parser(tokenize(input)).parseFieldOnly();
}

/** The canonical text of a field reference, as parseFieldExpression reads it back. */
export function formatFieldRef(ref: FieldRef): string {
  if (ref.kind === "run") return ref.field;
  if (ref.kind === "param") return ref.key;
  return ref.agg === "last" && ref.key.includes("/") ? ref.key : `${ref.agg}(${ref.key})`;
}
