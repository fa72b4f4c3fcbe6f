"use client";
/**
 * Upload a CSV: pick the file, see its first rows and the problems the server would refuse it for, pick
 * the label column, send it. The file goes as the request body to POST /api/datasets, which parses it as
 * it streams; its answer (stored, already stored, or what is wrong and where) is shown here.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { HydratedFieldset } from "@/components/hydrated-fieldset";
import { type CsvPreview, previewCsv, readFileStart } from "./csv-preview";
import styles from "./datasets.module.css";

type Outcome =
  | { kind: "stored" | "known"; name: string; version: number }
  | { kind: "refused"; message: string };

const baseName = (file: string) =>
  file
    .replace(/\.gz$/i, "")
    .replace(/\.csv$/i, "")
    .replace(/[^\p{L}\p{N} ._()+-]/gu, "-");

export function UploadForm() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [start, setStart] = useState<{ text: string; whole: boolean } | null>(null);
  const [name, setName] = useState("");
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const preview: CsvPreview | null = start ? previewCsv(start.text, start.whole, label || undefined) : null;

  async function pick(picked: File | null) {
    setFile(picked);
    setOutcome(null);
    setStart(null);
    if (!picked) return;
    setName(baseName(picked.name));
    const read = await readFileStart(picked).catch(() => null);
    setStart(read);
    const header = read ? previewCsv(read.text, read.whole).header : [];
    setLabel(header.at(-1) ?? "");
  }

  async function send() {
    if (!file) return;
    setBusy(true);
    try {
      const query = new URLSearchParams({ name, file: file.name, ...(label ? { label } : {}) });
      const res = await fetch(`/api/datasets?${query}`, { method: "POST", body: file });
      const body = await res
        .json()
        .catch(() => ({ error: { message: `the server answered ${res.status}` } }));
      if (!res.ok) setOutcome({ kind: "refused", message: body.error?.message ?? `status ${res.status}` });
      else {
        setOutcome({
          kind: body.created ? "stored" : "known",
          name: body.dataset.name,
          version: body.dataset.version,
        });
        await queryClient.invalidateQueries();
      }
    } catch (error) {
      setOutcome({ kind: "refused", message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" data-testid="upload-form">
      <h2>Upload a CSV</h2>
      <p className="muted">
        A header row, numeric feature columns and one label column (words or integers); gzipped is fine.
      </p>
      <HydratedFieldset busy={busy}>
        <div className={styles.uploadRow}>
          <div className="field">
            <label htmlFor="upload-file">File</label>
            <input
              id="upload-file"
              type="file"
              accept=".csv,.gz,text/csv"
              data-testid="upload-file"
              onChange={(e) => void pick(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="field">
            <label htmlFor="upload-name">Name</label>
            <input
              id="upload-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="upload-name"
            />
          </div>
          <div className="field">
            <label htmlFor="upload-label">Label column</label>
            <select
              id="upload-label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              data-testid="upload-label"
            >
              {(preview?.header ?? []).map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!file || !name.trim() || busy}
            onClick={() => void send()}
            data-testid="upload-send"
          >
            {busy ? "Uploading…" : "Upload"}
          </button>
        </div>
      </HydratedFieldset>
      {preview?.problem ? (
        <div className="alert" data-testid="upload-problem">
          This file would be refused: {preview.problem}
        </div>
      ) : null}
      {preview && preview.header.length > 0 ? (
        <div className={styles.previewBox}>
          <table className={styles.preview} data-testid="upload-preview">
            <thead>
              <tr>
                {preview.header.map((h) => (
                  <th key={h} className={h === label ? styles.labelColumn : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed preview of the file's first rows
                <tr key={i}>
                  {r.map((v, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns in file order
                    <td key={j}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {start && !start.whole ? (
            <p className="muted">
              The first {Math.round(start.text.length / 1024)} kB were checked here; the server reads it all.
            </p>
          ) : null}
        </div>
      ) : null}
      {outcome ? (
        <div className={outcome.kind === "refused" ? "alert" : styles.stored} data-testid="upload-outcome">
          {outcome.kind === "refused"
            ? `Refused: ${outcome.message}`
            : outcome.kind === "stored"
              ? `Stored as ${outcome.name} v${outcome.version}.`
              : `Already stored as ${outcome.name} v${outcome.version}: the same content is one dataset.`}
        </div>
      ) : null}
    </section>
  );
}
