"use client";
/**
 * A textarea with @mention autocomplete from the workspace's members: typing "@an" lists matching
 * names; Enter/Tab or a click inserts "@Name " and remembers that member as mentioned.
 */
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from "react";
import { useHydrated } from "@/lib/use-hydrated";
import styles from "./collaboration.module.css";
import { type MentionMember, matchMembers, mentionQuery } from "./markdown";

type Props = {
  value: string;
  onChange(value: string): void;
  members: MentionMember[];
  onMention(member: MentionMember): void;
  onSubmit(): void;
  placeholder?: string;
  testId?: string;
};

export function MentionTextarea({
  value,
  onChange,
  members,
  onMention,
  onSubmit,
  placeholder,
  testId,
}: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const hydrated = useHydrated();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // Where the caret goes once a pick's new text is in the box: set in the same task as the DOM update,
  // so keys typed right after a pick land after the name (a later frame would pull the caret back).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    ref.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });
  const query = mentionQuery(value, caret);
  const options = query ? matchMembers(members, query.query) : [];

  function pick(member: MentionMember) {
    if (!query) return;
    const next = `${value.slice(0, query.start)}@${member.name} ${value.slice(caret)}`;
    const at = query.start + member.name.length + 2;
    onChange(next);
    onMention(member);
    setCaret(at);
    setActive(0);
    pendingCaret.current = at;
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (options.length > 0) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const step = e.key === "ArrowDown" ? 1 : options.length - 1;
        setActive((a) => (a + step) % options.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        pick(options[Math.min(active, options.length - 1)] as MentionMember);
        return;
      }
    }
    // Ctrl/Cmd+Enter posts, as in most comment boxes; plain Enter is a new line.
    if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      onSubmit();
    }
  }

  return (
    <div className={styles.mentionBox}>
      <textarea
        ref={ref}
        className={styles.textarea}
        value={value}
        placeholder={placeholder}
        data-testid={testId}
        rows={3}
        // Typed before hydration, text would be lost when React takes the box over.
        disabled={!hydrated}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {options.length > 0 ? (
        <ul className={styles.mentionMenu} aria-label="Mention a member">
          {options.map((m, i) => (
            <li key={m.userId}>
              <button
                type="button"
                className={i === active ? styles.mentionActive : undefined}
                aria-current={i === active}
                onMouseDown={(e) => {
                  e.preventDefault(); // keep the textarea's focus and caret
                  pick(m);
                }}
              >
                @{m.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
