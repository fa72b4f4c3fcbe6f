"use client";
/** What an MLflow client logged beside metrics: its params, tags and dataset inputs, and the run's files. */
import { useQuery } from "@tanstack/react-query";
import { KeyValue } from "@/components/key-value";
import { formatBytes } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

function useTracked(runId: string) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.runs.tracked.queryOptions({ runId }), refetchInterval: 5000 });
}

export function RunLoggedParams({ runId }: { runId: string }) {
  const tracked = useTracked(runId).data;
  return (
    <section className="panel" data-testid="logged-params">
      <h2>Parameters</h2>
      {tracked && tracked.params.length === 0 ? <p className="muted">No parameters logged.</p> : null}
      <dl className="kv">
        {(tracked?.params ?? []).map((p) => (
          <KeyValue key={p.key} k={p.key} v={p.value} />
        ))}
      </dl>
      {tracked && tracked.inputs.length > 0 ? (
        <>
          <h3>Datasets</h3>
          <dl className="kv">
            {tracked.inputs.map((i) => (
              <KeyValue key={`${i.name}/${i.digest}`} k={i.name} v={`${i.digest} · ${i.source}`} />
            ))}
          </dl>
        </>
      ) : null}
      {tracked && tracked.tags.length > 0 ? (
        <details style={{ marginTop: 12 }}>
          <summary className="muted">Tags ({tracked.tags.length})</summary>
          <dl className="kv" style={{ marginTop: 8 }}>
            {tracked.tags.map((t) => (
              <KeyValue key={t.key} k={t.key} v={t.value} />
            ))}
          </dl>
        </details>
      ) : null}
    </section>
  );
}

export function RunArtifacts({ runId }: { runId: string }) {
  const tracked = useTracked(runId).data;
  if (!tracked || tracked.artifacts.length === 0) return null;
  const total = tracked.artifacts.reduce((n, a) => n + a.size, 0);
  return (
    <section className="panel" data-testid="artifacts">
      <h2>
        Artifacts{" "}
        <span className="muted">
          · {tracked.artifacts.length} files, {formatBytes(total)}
        </span>
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th>File</th>
            <th className="num">Size</th>
          </tr>
        </thead>
        <tbody>
          {tracked.artifacts.map((a) => (
            <tr key={a.path}>
              <td>
                <a href={a.href} download data-testid="artifact-link">
                  {a.path}
                </a>
              </td>
              <td className="num">{formatBytes(a.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
