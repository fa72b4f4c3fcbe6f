"use client";
/**
 * The comment thread of a run, sweep or saved view: markdown with @mentions, refreshed every 5 s and on focus so a
 * teammate's comment shows up without a reload. Authors edit and delete their own; owners delete any.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/client";
import styles from "./collaboration.module.css";
import { CommentBody } from "./comment-body";
import { type MentionMember, mentionsInBody } from "./markdown";
import { MentionTextarea } from "./mention-textarea";
import { timeAgo } from "./time-ago";
import { useMembers } from "./use-members";

type Target = { targetKind: "run" | "sweep" | "view"; targetId: string };

function Composer({
  initial = "",
  members,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  testId,
}: {
  initial?: string;
  members: MentionMember[];
  submitLabel: string;
  pending: boolean;
  onSubmit(body: string, mentions: string[]): Promise<unknown>;
  onCancel?: () => void;
  testId: string;
}) {
  const [body, setBody] = useState(initial);
  const [picked, setPicked] = useState<MentionMember[]>([]);
  const submit = async () => {
    if (!body.trim() || pending) return;
    // Names typed by hand count too: any member whose @Name appears in the body is mentioned.
    await onSubmit(body, mentionsInBody(body, [...picked, ...members]));
    setBody("");
    setPicked([]);
  };
  return (
    <div className={styles.composer}>
      <MentionTextarea
        value={body}
        onChange={setBody}
        members={members}
        onMention={(m) => setPicked((p) => [...p, m])}
        onSubmit={submit}
        placeholder="Write a comment (markdown, @ to mention)…"
        testId={testId}
      />
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={!body.trim() || pending} onClick={submit}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function CommentsPanel(target: Target) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { members, myId, myRole } = useMembers();
  const listOptions = trpc.comments.list.queryOptions(target);
  const thread = useQuery({ ...listOptions, refetchInterval: 5_000, refetchOnWindowFocus: true });
  const refresh = () => queryClient.invalidateQueries({ queryKey: listOptions.queryKey });
  const add = useMutation(trpc.comments.add.mutationOptions({ onSuccess: refresh }));
  const edit = useMutation(trpc.comments.edit.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.comments.remove.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState<string | null>(null);
  const byId = new Map(members.map((m) => [m.userId, m]));
  const error = add.error ?? edit.error ?? remove.error ?? thread.error;

  return (
    <div className={styles.comments} data-testid="comments">
      <h3>Comments</h3>
      {thread.data?.length === 0 ? <p className="muted">No comments yet.</p> : null}
      <ol className={styles.thread}>
        {(thread.data ?? []).map((c) => {
          const mentioned = c.mentions.flatMap((id) => byId.get(id) ?? []);
          return (
            <li key={c.id} className={styles.comment} data-testid="comment">
              <div className={styles.commentHead}>
                <strong>{c.authorName}</strong>
                <span className="muted" title={new Date(c.createdAt).toLocaleString()}>
                  {timeAgo(c.createdAt)}
                  {c.editedAt ? " · edited" : ""}
                </span>
                {!c.deleted && (c.authorId === myId || myRole === "OWNER") ? (
                  <span className={styles.commentActions}>
                    {c.authorId === myId ? (
                      <button type="button" className={styles.link} onClick={() => setEditing(c.id)}>
                        Edit
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className={styles.link}
                      onClick={() => {
                        if (window.confirm("Delete this comment?")) remove.mutate({ commentId: c.id });
                      }}
                    >
                      Delete
                    </button>
                  </span>
                ) : null}
              </div>
              {c.deleted ? (
                <p className="muted">
                  <em>Comment deleted.</em>
                </p>
              ) : editing === c.id ? (
                <Composer
                  initial={c.body}
                  members={members}
                  submitLabel="Save"
                  pending={edit.isPending}
                  testId="comment-edit"
                  onCancel={() => setEditing(null)}
                  onSubmit={async (body, mentions) => {
                    await edit.mutateAsync({ commentId: c.id, body, mentions });
                    setEditing(null);
                  }}
                />
              ) : (
                <CommentBody body={c.body} mentioned={mentioned} />
              )}
            </li>
          );
        })}
      </ol>
      {error ? <div className="alert">{error.message}</div> : null}
      <Composer
        members={members}
        submitLabel="Comment"
        pending={add.isPending}
        testId="comment-input"
        onSubmit={(body, mentions) => add.mutateAsync({ ...target, body, mentions })}
      />
    </div>
  );
}
