import { HydrationBoundary } from "@tanstack/react-query";
import { Suspense } from "react";
import { SavableCompareView } from "@/components/views/savable-compare-view";
import { prefetchCompare } from "@/server/prefetch-compare";

export const dynamic = "force-dynamic";

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const state = await prefetchCompare(await searchParams);
  return (
    <main className="page" style={{ maxWidth: 1400 }}>
      <HydrationBoundary state={state}>
        <Suspense fallback={<div className="skeleton" style={{ height: 420 }} />}>
          <SavableCompareView />
        </Suspense>
      </HydrationBoundary>
    </main>
  );
}
