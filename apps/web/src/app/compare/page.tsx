import { Suspense } from "react";
import { CompareView } from "@/components/compare/compare-view";

export default function ComparePage() {
  return (
    <main className="page" style={{ maxWidth: 1400 }}>
      <Suspense fallback={<div className="skeleton" style={{ height: 420 }} />}>
        <CompareView />
      </Suspense>
    </main>
  );
}
