import { Suspense } from "react";
import { RunsPageHead } from "@/components/runs-explorer/page-head";
import { RunsExplorer } from "@/components/runs-explorer/runs-explorer";

export default function HomePage() {
  return (
    <main className="page">
      {/* The explorer reads its view from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<RunsPageHead />}>
        <RunsExplorer />
      </Suspense>
    </main>
  );
}
