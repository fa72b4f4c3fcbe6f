"use client";
/** A saved view's report text: markdown through the comments' allowlist sanitiser, never raw. */
import markdownStyles from "@/components/collaboration/collaboration.module.css";
import { renderCommentHtml } from "@/components/collaboration/markdown";

export function ReportMarkdown({ body }: { body: string }) {
  if (!body.trim()) return null;
  return (
    <div
      className={markdownStyles.markdown}
      data-testid="view-report-body"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderCommentHtml
      dangerouslySetInnerHTML={{ __html: renderCommentHtml(body) }}
    />
  );
}
