/**
 * `pnpm bench api`: the MLflow REST path on this machine, one JSON object per line.
 *   api.log_batch_points_per_s  log-batch of 1000 metrics per POST vs the trainer's own write path
 *   api.log_metric_p95_ms       single log-metric calls, sequential, after a warm-up
 *   api.search_runs_p95_ms      runs/search with a param and a metric condition over 10,000 runs
 */
import { startTrackingTestServer } from "../src/test-server";
import { type BenchTarget, measureLogBatch, measureLogMetric, measureSearchRuns } from "./measure";

const emit = (line: object) => console.log(JSON.stringify(line));

async function main() {
  const server = await startTrackingTestServer();
  try {
    const user = await server.addUser("Bench");
    const { projectId } = await server.addWorkspace(user.userId, "Bench");
    const target: BenchTarget = { server, token: user.token, projectId };
    emit(await measureLogBatch(target, 200));
    emit(await measureLogMetric(target, 2000, 200));
    emit(await measureSearchRuns(target, 10_000, 200));
  } finally {
    await server.close();
  }
}

await main();
