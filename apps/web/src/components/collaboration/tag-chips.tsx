/** Tag chips, shared by the run page and the runs explorer. Colours come from a validated #rrggbb. */
import styles from "./collaboration.module.css";

export type TagChip = { id?: string; name: string; color: string };

export function TagChips({ tags, onRemove }: { tags: TagChip[]; onRemove?: (tag: TagChip) => void }) {
  if (tags.length === 0) return null;
  return (
    <span className={styles.chips}>
      {tags.map((t) => (
        <span key={t.name} className={styles.chip} style={{ borderColor: t.color }} data-testid="tag-chip">
          <span className={styles.dot} style={{ background: t.color }} aria-hidden />
          {t.name}
          {onRemove ? (
            <button type="button" aria-label={`Remove tag ${t.name}`} onClick={() => onRemove(t)}>
              ×
            </button>
          ) : null}
        </span>
      ))}
    </span>
  );
}
