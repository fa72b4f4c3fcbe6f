/**
 * Comment markdown to HTML that is safe to inject: marked renders, sanitize-html keeps an allowlist of
 * tags, attributes and URL schemes (so `<script>`, `onerror=` and `javascript:` links never survive),
 * and @mentions of known members become highlighted spans. Pure, so it is unit-tested in Node.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// One instance with fixed options: GitHub-flavoured, single newlines as breaks (how people type comments).
const marked = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
  ],
  allowedAttributes: { a: ["href", "title"], span: ["class", "data-user-id"] },
  allowedClasses: { span: ["mention"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // A removed element's text stays readable; script and style bodies are dropped entirely.
  disallowedTagsMode: "discard",
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};
// transformTags adds rel/target after the allowlist ran: allow them explicitly.
SANITIZE.allowedAttributes = { ...SANITIZE.allowedAttributes, a: ["href", "title", "rel", "target"] };

export type MentionMember = { userId: string; name: string };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Renders a comment body; `mentioned` are the members the comment stored as mentions. */
export function renderCommentHtml(body: string, mentioned: MentionMember[] = []): string {
  let html = marked.parse(body) as string;
  // Longest names first, so "@Ann Lee" wins over "@Ann". Marked has already escaped the body's text,
  // so the escaped name is what appears in it.
  for (const m of [...mentioned].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = new RegExp(`@${escapeRegExp(escapeHtml(m.name))}(?![\\w-])`, "g");
    html = html.replace(
      pattern,
      `<span class="mention" data-user-id="${escapeHtml(m.userId)}">@${escapeHtml(m.name)}</span>`,
    );
  }
  return sanitizeHtml(html, SANITIZE);
}

/** The partial @name before the caret, for the autocomplete; null when the caret is not in a mention. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}_.-]*(?: [\p{L}\p{N}_.-]*)?)$/u.exec(before);
  if (!match) return null;
  const query = match[2] as string;
  return { start: caret - query.length - 1, query };
}

/** Members whose name starts with (or has a word starting with) the query, case-insensitively. */
export function matchMembers<T extends MentionMember>(members: T[], query: string, limit = 6): T[] {
  const q = query.toLowerCase();
  return members
    .filter(
      (m) =>
        m.name.toLowerCase().startsWith(q) ||
        m.name
          .toLowerCase()
          .split(/\s+/)
          .some((w) => w.startsWith(q)),
    )
    .slice(0, limit);
}

/** Mentioned members still written in the body: an @name the author deleted is no longer a mention. */
export function mentionsInBody<T extends MentionMember>(body: string, picked: T[]): string[] {
  return [...new Set(picked.filter((m) => body.includes(`@${m.name}`)).map((m) => m.userId))];
}
