"use client";
/** The filter expression input: applied on Enter, with the server's parse error shown under it at its column. */
import { useEffect, useState } from "react";
import styles from "./runs-explorer.module.css";
import { errorColumn } from "./view-state";

const EXAMPLE = "activation in (relu, swish) and val/acc > 0.9 and lr <= 0.01";

export function FilterBar({
  applied,
  error,
  onApply,
}: {
  applied: string;
  error: string | null;
  onApply: (filter: string) => void;
}) {
  const [text, setText] = useState(applied);
  // Follow the URL when it changes from outside (back button, a pasted link).
  useEffect(() => setText(applied), [applied]);
  const column = error ? errorColumn(error) : null;
  const dirty = text.trim() !== applied.trim();
  return (
    <form
      className={styles.filter}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(text);
      }}
    >
      <div className={styles.filterRow}>
        <input
          className={styles.filterInput}
          aria-label="Filter runs"
          aria-invalid={error ? true : undefined}
          aria-describedby="runs-filter-help"
          data-testid="runs-filter"
          placeholder={EXAMPLE}
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") setText(applied);
          }}
        />
        <button className="btn" type="submit" disabled={!dirty}>
          Apply
        </button>
        {applied && (
          <button
            className="btn"
            type="button"
            onClick={() => {
              setText("");
              onApply("");
            }}
          >
            Clear
          </button>
        )}
      </div>
      {error ? (
        <div role="alert" data-testid="runs-filter-error">
          {column !== null && column <= applied.length + 1 && (
            <pre className={styles.caret} aria-hidden="true">
              {applied}
              {"\n"}
              {" ".repeat(column - 1)}
              <span>^</span>
            </pre>
          )}
          <div className={styles.filterError}>{error}</div>
        </div>
      ) : (
        <div id="runs-filter-help" className={styles.hint}>
          {dirty ? "Press Enter to apply. " : ""}Run fields (<code>status</code>, <code>activation</code>,{" "}
          <code>createdAt</code>…), params (<code>lr</code>, <code>hiddenLayers</code>…), metrics (
          <code>val/acc</code>, <code>max(val/acc)</code>…) with <code>and or not in (…)</code>
        </div>
      )}
    </form>
  );
}
