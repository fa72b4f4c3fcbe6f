"use client";
/** /views: the project's saved comparisons, newest first, with who saved them and whether a public link is on. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { timeAgo } from "@/components/collaboration/time-ago";
import { useTRPC } from "@/trpc/client";
import styles from "./views.module.css";

export function ViewsList() {
  const trpc = useTRPC();
  const views = useQuery(trpc.views.list.queryOptions({}));
  return (
    <section className="panel" data-testid="views-list">
      {views.error ? <div className="alert">{views.error.message}</div> : null}
      {views.isPending ? <div className="skeleton" style={{ height: 120 }} /> : null}
      {views.data?.length === 0 ? (
        <p className="muted">
          No saved views yet. Open <Link href="/compare">Compare</Link> and press “Save view”.
        </p>
      ) : null}
      <ul className={styles.list}>
        {views.data?.map((v) => (
          <li key={v.id} data-testid="view-item">
            <Link href={`/views/${v.id}`}>
              <strong>{v.title}</strong>
            </Link>
            <span className="muted">
              {v.shared ? "public link · " : ""}
              {v.createdByName} · {timeAgo(new Date(v.createdAt))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
