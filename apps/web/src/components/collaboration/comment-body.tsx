"use client";
/** One comment's body: markdown rendered through the sanitiser, never raw. */
import styles from "./collaboration.module.css";
import { type MentionMember, renderCommentHtml } from "./markdown";

export function CommentBody({ body, mentioned }: { body: string; mentioned: MentionMember[] }) {
  // The HTML comes from renderCommentHtml, whose allowlist sanitiser is unit-tested against XSS payloads.
  const html = renderCommentHtml(body, mentioned);
  // A body made only of stripped markup (a pasted <script>) would show as an empty box: say why instead.
  if (!html.replace(/<[^>]*>/g, "").trim())
    return (
      <p className="muted">
        <em>Nothing to show: this comment held only markup that is not allowed.</em>
      </p>
    );
  return (
    <div
      className={styles.markdown}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderCommentHtml
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
