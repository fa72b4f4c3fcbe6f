"use client";
/** The project's activity feed: actor, verb, a link to the run or sweep, relative time; "Load more" pages. */
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/trpc/client";
import styles from "./collaboration.module.css";
import { timeAgo } from "./time-ago";

export function ActivityFeed() {
  const trpc = useTRPC();
  const feed = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(
      { take: 30 },
      { getNextPageParam: (page) => page.nextCursor, refetchInterval: 10_000 },
    ),
  );
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="panel" data-testid="activity">
      {feed.error ? <div className="alert">{feed.error.message}</div> : null}
      {feed.isSuccess && items.length === 0 ? <p className="muted">Nothing has happened yet.</p> : null}
      <ol className={styles.feed}>
        {items.map((a) => (
          <li key={a.id} data-testid="activity-item">
            <strong>{a.actorName ?? "Someone"}</strong>
            <span>{a.verb}</span>
            <span>
              {a.targetKind}{" "}
              <Link href={`/${a.targetKind}s/${a.targetId}`}>{a.targetName ?? a.targetId}</Link>
              {a.detail ? <span className="muted"> · {a.detail}</span> : null}
            </span>
            <time
              dateTime={new Date(a.createdAt).toISOString()}
              title={new Date(a.createdAt).toLocaleString()}
            >
              {timeAgo(a.createdAt)}
            </time>
          </li>
        ))}
      </ol>
      {feed.hasNextPage ? (
        <button
          type="button"
          className="btn"
          disabled={feed.isFetchingNextPage}
          onClick={() => void feed.fetchNextPage()}
        >
          Load more
        </button>
      ) : null}
    </section>
  );
}
