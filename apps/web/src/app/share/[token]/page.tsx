/**
 * /share/[token]: a saved view's report for anyone holding the link, signed in or not. The token is
 * checked here on the server (share.view) and again by every chart query (share.compare), so a revoked
 * link shows the "revoked" page on the next load.
 */
import { createCaller } from "@actlab/api";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { SharedReport } from "@/components/views/shared-report";
import styles from "@/components/views/views.module.css";
import { serverState } from "@/server/deps";

export const dynamic = "force-dynamic";
// A share URL is a bearer secret: keep it out of search engines and referrers.
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const caller = createCaller({ ...serverState().deps, userId: null });
  try {
    const view = await caller.share.view({ token: decodeURIComponent(token) });
    return (
      <main className={`page ${styles.sharePage}`} style={{ maxWidth: 1400 }}>
        <SharedReport
          token={decodeURIComponent(token)}
          view={{ ...view, updatedAt: view.updatedAt.toISOString() }}
        />
      </main>
    );
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    const revoked = err.message === "this link was revoked";
    return (
      <main className={`page ${styles.sharePage}`}>
        <div className="panel empty" data-testid={revoked ? "share-revoked" : "share-invalid"}>
          <h1>{revoked ? "This link was revoked" : "This link does not work"}</h1>
          <p>
            {revoked
              ? "Its owner turned the public link off. Ask them for a new one."
              : "Check that you copied the whole address, or ask the person who shared it for a new link."}
          </p>
        </div>
      </main>
    );
  }
}
