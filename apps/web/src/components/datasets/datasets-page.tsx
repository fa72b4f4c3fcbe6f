"use client";
/**
 * Every dataset the project can train on: its uploads (every version), the 2-D generators and the shipped
 * tables, each with its shape, class balance, origin and the runs and sweeps that used it.
 */
import type { RouterOutputs } from "@actlab/api";
import { datasetLabel } from "@actlab/core";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCanEdit } from "@/components/account/role-context";
import { PageHead } from "@/components/page-head";
import { formatBytes } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { ClassBalance } from "./class-balance";
import { DatasetPreview } from "./dataset-preview";
import styles from "./datasets.module.css";
import { EveryActivationButton } from "./every-activation-button";
import { GeneratedCard } from "./generated-card";
import { ShortHash } from "./short-hash";
import { SplitLine } from "./split-line";
import { UploadForm } from "./upload-form";

type Overview = RouterOutputs["datasets"]["overview"];
type Usage = Overview["builtin"][number]["usage"];

/** The runs table filtered to one dataset (its label as runs record it, quoted for the filter language). */
const runsOf = (label: string) =>
  `/?${new URLSearchParams({ q: `dataset = "${label.replace(/["\\]/g, "\\$&")}"` })}`;

function UsedBy({ usage, label }: { usage: Usage; label: string }) {
  if (!usage) return <span className="muted">No runs yet.</span>;
  return (
    <span data-testid="dataset-usage">
      <Link href={runsOf(label)}>
        {usage.runs} run{usage.runs === 1 ? "" : "s"}
      </Link>
      {" · "}
      <Link href={`/runs/${usage.latestRunId}`}>latest</Link>
      {usage.sweeps.length > 0 ? " · " : ""}
      {usage.sweeps.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? ", " : ""}
          <Link href={`/sweeps/${s.id}`}>{s.name}</Link>
        </span>
      ))}
    </span>
  );
}

const uploadLabel = (u: Overview["uploads"][number]) =>
  datasetLabel({ kind: "uploaded", hash: u.hash, name: u.name, version: u.version });

const shape = (rows: number, features: number, classes: number) =>
  `${rows.toLocaleString("en")} rows · ${features.toLocaleString("en")} features · ${classes} classes`;

function Uploads({ uploads, canEdit }: { uploads: Overview["uploads"]; canEdit: boolean }) {
  // Newest version first within a name, as the server lists them.
  const byName = new Map<string, Overview["uploads"]>();
  for (const u of uploads) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  if (byName.size === 0) return <p className="muted">No uploads yet.</p>;
  return (
    <div className={styles.cards}>
      {[...byName].map(([name, versions]) => {
        const [latest, ...older] = versions;
        if (!latest) return null;
        return (
          <article className={`panel ${styles.card}`} key={name} data-testid="upload-card">
            <h3>
              {name} <span className="muted">v{latest.version}</span>
            </h3>
            <span>{shape(latest.rows, latest.features, latest.classes)}</span>
            <span className="muted">
              label column {latest.labelColumn} · {latest.fileName} ({formatBytes(latest.fileBytes)}) ·
              uploaded {new Date(latest.createdAt).toLocaleString()}
            </span>
            <ClassBalance names={latest.classNames} counts={latest.classCounts} />
            <ShortHash hash={latest.hash} />
            <span className="muted">
              features: {latest.featureNames.slice(0, 8).join(", ")}
              {latest.featureNames.length > 8 ? ", …" : ""}
            </span>
            <SplitLine rows={latest.rows} classCounts={latest.classCounts} />
            <DatasetPreview which={{ kind: "uploaded", hash: latest.hash }} />
            <UsedBy usage={latest.usage} label={uploadLabel(latest)} />
            {canEdit ? <EveryActivationButton hash={latest.hash} /> : null}
            {older.length > 0 ? (
              <details className={styles.versions}>
                <summary>
                  {older.length} earlier version{older.length === 1 ? "" : "s"}
                </summary>
                <ul>
                  {older.map((v) => (
                    <li key={v.hash}>
                      v{v.version}: {shape(v.rows, v.features, v.classes)} · <ShortHash hash={v.hash} /> ·{" "}
                      <UsedBy usage={v.usage} label={uploadLabel(v)} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </article>
        );
      })}
    </div>
  );
}

export function DatasetsPage() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const overview = useQuery(trpc.datasets.overview.queryOptions({}));
  return (
    <div className="grid">
      <PageHead
        title="Datasets"
        sub="What runs in this project can train on: your uploads, the generators and the shipped tables."
      />
      {canEdit ? <UploadForm /> : null}
      {overview.isError ? <div className="alert">{overview.error.message}</div> : null}
      {!overview.data ? (
        <div className="skeleton" style={{ height: 240 }} />
      ) : (
        <>
          <section className="grid" data-testid="uploads">
            <h2>Uploads</h2>
            <Uploads uploads={overview.data.uploads} canEdit={canEdit} />
          </section>
          <section className="grid">
            <h2>Generated 2-D data</h2>
            <div className={styles.cards}>
              {overview.data.generated.map(({ spec, usage }) => (
                <GeneratedCard
                  key={spec.name}
                  spec={spec}
                  usedBy={<UsedBy usage={usage} label={spec.name} />}
                />
              ))}
            </div>
          </section>
          <section className="grid">
            <h2>Shipped tables and image sets</h2>
            <div className={styles.cards}>
              {overview.data.builtin.map((d) => (
                <article className={`panel ${styles.card}`} key={d.name} data-testid={`builtin-${d.name}`}>
                  <h3>{d.title}</h3>
                  <span>{shape(d.rows, d.features, d.classes)}</span>
                  <span className="muted">
                    {d.source} · licence {d.licence}
                  </span>
                  {d.balance ? <ClassBalance names={d.balance.names} counts={d.balance.counts} /> : null}
                  <SplitLine rows={d.rows} classCounts={d.balance?.counts} />
                  {d.available ? (
                    <DatasetPreview
                      which={{ kind: "builtin", name: d.name }}
                      images={d.name === "mnist" || d.name === "fashion_mnist"}
                    />
                  ) : (
                    <div className="alert">Not on this machine: {d.unavailableReason}</div>
                  )}
                  <UsedBy usage={d.usage} label={d.name} />
                </article>
              ))}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
