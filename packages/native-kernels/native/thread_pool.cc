// The pool behind parallelFor. Workers spin briefly after a call (a training step issues its products
// back to back), then sleep on a condition variable (a futex) so an idle worker costs no CPU. A task is
// claimed with one compare-and-swap on (generation, next index), so a worker that wakes late can never
// run an old call's task with a new call's index.
#include "thread_pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define ACTLAB_CPU_RELAX() _mm_pause()
#else
#define ACTLAB_CPU_RELAX() std::this_thread::yield()
#endif

namespace actlab {
namespace {

// ≈ 100 µs of pause instructions: longer than the gap between a step's products, short enough that a
// worker of an idle training gives its core back almost at once.
constexpr int kSpinsBeforeSleep = 2000;

class ThreadPool {
 public:
  ~ThreadPool() { stopWorkers(); }

  int threads() const { return threads_.load(std::memory_order_relaxed); }

  void resize(int threads) {
    std::lock_guard<std::mutex> dispatch(dispatch_);
    threads = std::clamp(threads, 1, kMaxPoolThreads);
    if (threads == this->threads()) return;
    stopWorkers();
    for (int i = 1; i < threads; ++i) workers_.emplace_back([this] { workerLoop(); });
    threads_.store(threads, std::memory_order_relaxed);
  }

  void run(int count, PoolTask task, void* context) {
    std::unique_lock<std::mutex> dispatch(dispatch_, std::try_to_lock);
    if (count <= 1 || !dispatch.owns_lock() || workers_.empty()) {
      for (int i = 0; i < count; ++i) task(context, i);
      return;
    }
    task_.store(task, std::memory_order_relaxed);
    context_.store(context, std::memory_order_relaxed);
    count_.store(count, std::memory_order_relaxed);
    finished_.store(0, std::memory_order_relaxed);
    // 32 bits wrap after 4 G calls (days of a long training): the masked value stays comparable.
    const std::uint64_t generation = ((claim_.load(std::memory_order_relaxed) >> 32) + 1) & 0xffffffffu;
    {
      std::lock_guard<std::mutex> lock(sleep_);
      claim_.store(generation << 32, std::memory_order_release);
    }
    wake_.notify_all();
    runClaimed(generation);
    // A worker preempted mid-task (the machine is shared) would otherwise cost the caller its slice.
    for (int spin = 0; finished_.load(std::memory_order_acquire) < count; ++spin) {
      if (spin < kSpinsBeforeSleep) ACTLAB_CPU_RELAX();
      else std::this_thread::yield();
    }
  }

 private:
  // Runs tasks of `generation` until none is left to claim.
  void runClaimed(std::uint64_t generation) {
    const PoolTask task = task_.load(std::memory_order_relaxed);
    void* const context = context_.load(std::memory_order_relaxed);
    const int count = count_.load(std::memory_order_relaxed);
    std::uint64_t seen = claim_.load(std::memory_order_acquire);
    for (;;) {
      if ((seen >> 32) != generation) return;
      const int index = static_cast<int>(seen & 0xffffffffu);
      if (index >= count) return;
      if (!claim_.compare_exchange_weak(seen, seen + 1, std::memory_order_acq_rel)) continue;
      task(context, index);
      finished_.fetch_add(1, std::memory_order_release);
      seen = claim_.load(std::memory_order_acquire);
    }
  }

  void workerLoop() {
    std::uint64_t done = claim_.load(std::memory_order_acquire) >> 32;
    for (;;) {
      std::uint64_t generation = claim_.load(std::memory_order_acquire) >> 32;
      for (int spin = 0; generation == done && spin < kSpinsBeforeSleep && !stop_.load(); ++spin) {
        ACTLAB_CPU_RELAX();
        generation = claim_.load(std::memory_order_acquire) >> 32;
      }
      if (generation == done) {
        std::unique_lock<std::mutex> lock(sleep_);
        wake_.wait(lock, [&] { return stop_.load() || (claim_.load(std::memory_order_acquire) >> 32) != done; });
        generation = claim_.load(std::memory_order_acquire) >> 32;
      }
      if (stop_.load()) return;
      // The call's fields were stored before its generation was published (release/acquire above); a
      // claim that succeeds proves the call is still in flight, so they are still this call's.
      runClaimed(generation);
      done = generation;
    }
  }

  // Only between calls (dispatch_ held).
  void stopWorkers() {
    {
      std::lock_guard<std::mutex> lock(sleep_);
      stop_.store(true);
    }
    wake_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
    threads_.store(1, std::memory_order_relaxed);
    stop_.store(false);
  }

  std::mutex dispatch_;  // one call (or resize) at a time
  std::mutex sleep_;
  std::condition_variable wake_;
  std::vector<std::thread> workers_;
  std::atomic<int> threads_{1};
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> claim_{0};  // generation << 32 | next unclaimed index
  std::atomic<PoolTask> task_{nullptr};
  std::atomic<void*> context_{nullptr};
  std::atomic<int> count_{0};
  std::atomic<int> finished_{0};
};

ThreadPool& pool() {
  static ThreadPool instance;
  return instance;
}

}  // namespace

void setPoolThreads(int threads) { pool().resize(threads); }

int poolThreads() { return pool().threads(); }

void parallelForRaw(int count, PoolTask task, void* context) { pool().run(count, task, context); }

}  // namespace actlab
