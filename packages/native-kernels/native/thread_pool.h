// A persistent pool that spreads independent tasks over a few threads, for one training that has idle
// cores. The callers keep results deterministic: each task writes its own outputs with an order of
// operations that does not depend on which thread runs it or how many threads there are.
#pragma once
#include <utility>

namespace actlab {

// The most threads a pool runs (the caller included); setPoolThreads clamps to [1, kMaxPoolThreads].
constexpr int kMaxPoolThreads = 256;

// Threads parallelFor uses, the caller included: 1 runs every task on the caller. Starts or stops
// workers (they persist between calls); waits for a parallelFor in flight to end first.
void setPoolThreads(int threads);
int poolThreads();

using PoolTask = void (*)(void* context, int index);

// Calls task(context, i) for each i in [0, count) on the pool's threads and the caller, returning once all
// have run. Another thread's call while one is in flight runs on its caller alone (same results).
void parallelForRaw(int count, PoolTask task, void* context);

template <typename F>
void parallelFor(int count, F&& body) {
  parallelForRaw(count, [](void* context, int i) { (*static_cast<F*>(context))(i); }, &body);
}

}  // namespace actlab
