"use client";
/** Queue admin: jobs per state, the workers with their capacity and version, retry and remove. */
import type { RouterOutputs } from "@actlab/api";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useCanEdit } from "@/components/account/role-context";
import { PageHead } from "@/components/page-head";
import { TableHead } from "@/components/table-head";
import { formatSeconds } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

const STATES = ["active", "waiting", "delayed", "completed", "failed"] as const;
type State = (typeof STATES)[number];

export function QueuePage() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const [state, setState] = useState<State>("active");
  const overview = useQuery({ ...trpc.queue.overview.queryOptions({ state }), refetchInterval: 2000 });
  const refresh = () => void overview.refetch();
  const retry = useMutation(trpc.queue.retryJob.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.queue.removeJob.mutationOptions({ onSuccess: refresh }));
  const error = retry.error ?? remove.error;
  return (
    <>
      <PageHead title="Queue" sub="The training queue in Redis: one job per run." />
      {error ? <div className="alert">{error.message}</div> : null}
      {overview.isError ? (
        <div className="alert">Could not read the queue: {overview.error.message}</div>
      ) : null}
      <div className="row" style={{ marginBottom: 12 }}>
        {STATES.map((s) => (
          <button
            key={s}
            type="button"
            className={`btn ${s === state ? "btn-primary" : ""}`}
            onClick={() => setState(s)}
            data-testid={`state-${s}`}
          >
            {s} <span className="num">{overview.data?.counts[s] ?? "…"}</span>
          </button>
        ))}
      </div>
      <div className="grid grid-2">
        <div className="panel" style={{ padding: 0, overflowX: "auto" }}>
          <table className="table" data-testid="jobs-table">
            <TableHead columns={["Job (run)", "Attempts", "Queued", "Reason", ""]} />
            <tbody>
              {(overview.data?.jobs ?? []).map((j) => (
                <tr key={j.id}>
                  <td data-testid="job-run">
                    {j.runId ? <Link href={`/runs/${j.runId}`}>{j.runName ?? j.id}</Link> : j.id}
                    {j.runName ? <div className="muted num">{j.id}</div> : null}
                  </td>
                  <td className="num">{j.attemptsMade}</td>
                  <td>{new Date(j.timestamp).toLocaleTimeString()}</td>
                  <td className="muted" style={{ whiteSpace: "normal", maxWidth: 320 }}>
                    {j.failedReason ?? ""}
                  </td>
                  <td className="row" style={{ gap: 6 }}>
                    {canEdit && state === "failed" ? (
                      <button type="button" className="btn" onClick={() => retry.mutate({ jobId: j.id })}>
                        Retry
                      </button>
                    ) : null}
                    {canEdit && state !== "active" ? (
                      <button type="button" className="btn" onClick={() => remove.mutate({ jobId: j.id })}>
                        Remove
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {overview.data?.jobs.length === 0 ? <div className="empty">No {state} jobs.</div> : null}
        </div>
        <WorkersPanel data={overview.data} />
      </div>
    </>
  );
}

type Overview = RouterOutputs["queue"]["overview"];

/** Who trains: totals for everyone, each worker's host, version and slots for owners. */
function WorkersPanel({ data }: { data: Overview | undefined }) {
  const capacity = data?.capacity;
  return (
    <div className="panel" data-testid="workers-panel">
      <h2>Workers ({capacity?.workers ?? "…"})</h2>
      {capacity ? (
        <p className="muted" data-testid="worker-capacity">
          {capacity.busy} of {capacity.slots} training slot{capacity.slots === 1 ? "" : "s"} busy · this web
          server runs Actlab {data.webVersion}
        </p>
      ) : null}
      {capacity && capacity.otherVersion > 0 ? (
        <div className="alert" data-testid="worker-version-warning">
          {capacity.otherVersion} worker{capacity.otherVersion === 1 ? " runs" : "s run"} another version of
          Actlab: {capacity.otherVersion === 1 ? "it leaves" : "they leave"} this server's runs in the queue
          for a worker of version {data.webVersion}.
        </div>
      ) : null}
      {data?.workers ? (
        <table className="table" data-testid="workers-table">
          <TableHead columns={["Host", "Version", "Cores", "Busy / slots", "Up"]} />
          <tbody>
            {data.workers.map((w) => (
              <tr key={w.id}>
                <td className="num">
                  {w.host} <span className="muted">pid {w.pid}</span>
                </td>
                <td
                  className="num"
                  style={w.version === data.webVersion ? undefined : { color: "var(--bad)" }}
                >
                  {w.version}
                </td>
                <td className="num">{w.cores}</td>
                <td className="num">
                  {w.busy} / {w.slots}
                </td>
                <td className="muted num">{formatSeconds(w.upSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : data ? (
        <div className="muted">Worker hosts are shown to owners.</div>
      ) : null}
      {capacity?.workers === 0 ? (
        <div className="empty">No worker is running: start one with npm start (or the worker service).</div>
      ) : null}
    </div>
  );
}
