import { Suspense } from "react";
import { RunsPageHead } from "@/components/runs-explorer/page-head";
import { RunsExplorer } from "@/components/runs-explorer/runs-explorer";

export default function HomePage() {
  return (
    // Wider than the other pages: the explorer's columns are the point of this one.
    <main className="page" style={{ maxWidth: 1680 }}>
      {/* The explorer reads its view from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<RunsPageHead />}>
        <RunsExplorer />
      </Suspense>
    </main>
  );
}
