import { describe, expect, it } from "vitest";
import { matchMembers, mentionQuery, mentionsInBody, renderCommentHtml } from "./markdown";

describe("comment markdown sanitiser", () => {
  it("keeps ordinary markdown: emphasis, code, lists and https links", () => {
    const html = renderCommentHtml("**bold** _it_ `x`\n\n- a\n- b\n\n[docs](https://example.com)");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code>x</code>");
    expect(html).toContain("<li>a</li>");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("drops an img with onerror, a script element and inline handlers", () => {
    const html = renderCommentHtml(
      '<img src=x onerror=alert(1)> <script>alert(2)</script> <b onclick="x()">b</b>',
    );
    expect(html).not.toMatch(/<img|<script|onerror|onclick|alert\(2\)/i);
  });

  it("strips javascript: and data: link targets but keeps the link text", () => {
    const html = renderCommentHtml(
      "[x](javascript:alert(1)) [y](data:text/html,hi) <a href='JaVaScRiPt:alert(1)'>z</a>",
    );
    expect(html).not.toMatch(/javascript:|data:/i);
    expect(html).toContain("x");
    expect(html).toContain("z");
  });

  it("highlights stored mentions, escaping a hostile member name", () => {
    const html = renderCommentHtml("hi @Ann Lee and @Bob", [
      { userId: "u1", name: "Ann Lee" },
      { userId: "u2", name: "<img src=x onerror=alert(1)>" },
    ]);
    expect(html).toContain('<span class="mention" data-user-id="u1">@Ann Lee</span>');
    expect(html).not.toContain("<img");
    expect(html).toContain("@Bob"); // not a stored mention: plain text
    expect(html).not.toContain('data-user-id="u2"');
  });

  it("drops classes other than mention from spans", () => {
    expect(renderCommentHtml('<span class="mention evil">x</span>')).toBe(
      '<p><span class="mention">x</span></p>\n',
    );
  });
});

describe("mention autocomplete helpers", () => {
  const members = [
    { userId: "a", name: "Ann Lee" },
    { userId: "b", name: "Bob Stone" },
    { userId: "c", name: "Lee Park" },
  ];

  it("finds the @query before the caret, and nothing inside an email address", () => {
    expect(mentionQuery("hey @an", 7)).toEqual({ start: 4, query: "an" });
    expect(mentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQuery("mail a@b", 8)).toBeNull();
  });

  it("matches names by any word's prefix and keeps only mentions still in the body", () => {
    expect(matchMembers(members, "lee").map((m) => m.userId)).toEqual(["a", "c"]);
    expect(mentionsInBody("thanks @Bob Stone", members)).toEqual(["b"]);
  });
});
