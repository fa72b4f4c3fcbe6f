"use client";
/** A content hash shown short, whole on hover, and copied whole on click (runs and the API name uploads by it). */
import { useState } from "react";
import styles from "./datasets.module.css";

export function ShortHash({ hash }: { hash: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(hash);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }
  return (
    <span className={styles.hash} data-testid="dataset-hash" data-hash={hash}>
      <span title={`SHA-256 of the stored data: ${hash}`}>sha-256 {hash.slice(0, 12)}…</span>
      <button
        type="button"
        className={styles.copy}
        onClick={() => void copy()}
        aria-label="Copy the full hash"
      >
        {copied ? "copied" : "copy"}
      </button>
    </span>
  );
}
