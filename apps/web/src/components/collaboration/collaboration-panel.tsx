"use client";
/** What a team adds to a run or sweep page: star and tags (runs), notes, and the comment thread. */
import styles from "./collaboration.module.css";
import { CommentsPanel } from "./comments-panel";
import { NotesEditor } from "./notes-editor";
import { StarToggle } from "./star-toggle";
import { TagEditor } from "./tag-editor";

export function RunCollaboration({ runId }: { runId: string }) {
  return (
    <section className={`panel ${styles.panel}`} data-testid="collaboration">
      <div className={styles.headRow}>
        <h2>Discussion</h2>
        <StarToggle runId={runId} />
      </div>
      <TagEditor runId={runId} />
      <NotesEditor targetKind="run" targetId={runId} />
      <CommentsPanel targetKind="run" targetId={runId} />
    </section>
  );
}

export function SweepCollaboration({ sweepId }: { sweepId: string }) {
  return (
    <section className={`panel ${styles.panel}`} data-testid="collaboration">
      <h2>Discussion</h2>
      <NotesEditor targetKind="sweep" targetId={sweepId} />
      <CommentsPanel targetKind="sweep" targetId={sweepId} />
    </section>
  );
}
