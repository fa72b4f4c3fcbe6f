/**
 * A run logged from outside through the MLflow REST API, as a training script would, seen in the
 * browser while it logs: its chart grows live, its params and files are on its page.
 */
import { describe, expect, it } from "vitest";
import { e2eStack } from "./stack";

const stack = e2eStack();

async function mlflow(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${stack.baseUrl}/api/2.0/mlflow/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

describe("a run logged through the MLflow API", () => {
  it("shows its chart growing while it logs, then its params and artifacts", async () => {
    const created = await mlflow("runs/create", {
      experiment_id: "0",
      run_name: "pytorch-script",
      start_time: Date.now(),
      tags: [{ key: "mlflow.user", value: "ada" }],
    });
    const info = (created.run as { info: { run_id: string; artifact_uri: string } }).info;
    const runId = info.run_id;
    await mlflow("runs/log-batch", {
      run_id: runId,
      params: [
        { key: "activation", value: "relu" },
        { key: "lr", value: "0.01" },
      ],
    });
    let step = 0;
    const logSome = async (n: number) => {
      const metrics = [];
      for (let i = 0; i < n; i++, step++) {
        metrics.push({ key: "train/loss", value: 1 / (1 + step), timestamp: Date.now(), step });
      }
      await mlflow("runs/log-batch", { run_id: runId, metrics });
    };
    await logSome(5);

    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/runs/${runId}`);
    await page.getByTestId("connection").filter({ hasText: "live" }).waitFor({ timeout: 30_000 });
    const points = async () => Number(await page.getByTestId("chart-loss").getAttribute("data-points"));
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="chart-loss"]')?.getAttribute("data-points")) >= 5,
    );
    const before = await points();
    await logSome(20);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="chart-loss"]')?.getAttribute("data-points")) > n,
      before,
      { timeout: 15_000 },
    );
    expect(await points()).toBeGreaterThan(before);
    expect(await page.getByTestId("run-subtitle").textContent()).toMatch(/logged from your own code/);
    await page.getByTestId("logged-params").getByText("activation").waitFor();

    const upload = await fetch(
      `${stack.baseUrl}/api/2.0/mlflow-artifacts/artifacts/${info.artifact_uri.replace("mlflow-artifacts:/", "")}/model/weights.bin`,
      { method: "PUT", body: new Uint8Array(3000).fill(1) },
    );
    expect(upload.status).toBe(200);
    // Over the limit (1 MiB here): refused with its reason when declared, cut off when streamed, and the
    // server keeps serving either way.
    const artifactsUrl = `${stack.baseUrl}/api/2.0/mlflow-artifacts/artifacts/${info.artifact_uri.replace("mlflow-artifacts:/", "")}`;
    const tooBig = await fetch(`${artifactsUrl}/big.bin`, {
      method: "PUT",
      body: new Uint8Array(2 * 2 ** 20),
    });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { message: string }).message).toMatch(/1048576-byte limit/);
    const streamed = await fetch(`${artifactsUrl}/streamed.bin`, {
      method: "PUT",
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 40; i++) c.enqueue(new Uint8Array(64 * 1024));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit)
      .then((r) => r.status)
      .catch(() => "reset");
    expect([413, "reset"]).toContain(streamed);
    expect((await fetch(`${artifactsUrl}/streamed.bin`)).status).toBe(404);
    await mlflow("runs/update", { run_id: runId, status: "FINISHED", end_time: Date.now() });
    await page.getByTestId("run-status").filter({ hasText: "completed" }).waitFor({ timeout: 15_000 });
    const link = page.getByTestId("artifact-link").filter({ hasText: "model/weights.bin" });
    await link.waitFor({ timeout: 15_000 });
    const download = await fetch(new URL((await link.getAttribute("href")) ?? "", stack.baseUrl));
    expect((await download.arrayBuffer()).byteLength).toBe(3000);
    await stack.screenshot(page, "mlflow-run");
    await page.close();
  }, 120_000);

  it("compares runs logged from outside by their params, with a verdict, in the compare view", async () => {
    const ids: string[] = [];
    for (const [activation, finals] of [
      ["gelu", [0.95, 0.96, 0.97]],
      ["relu", [0.85, 0.86, 0.87]],
    ] as const) {
      for (const [seed, final] of finals.entries()) {
        const created = await mlflow("runs/create", { run_name: `${activation}-${seed}` });
        const runId = (created.run as { info: { run_id: string } }).info.run_id;
        await mlflow("runs/log-batch", {
          run_id: runId,
          params: [
            { key: "activation", value: activation },
            { key: "seed", value: String(seed) },
          ],
          metrics: [0.5, 0.8, final].map((value, step) => ({
            key: "val/acc",
            value,
            step,
            timestamp: Date.now(),
          })),
        });
        await mlflow("runs/update", { run_id: runId, status: "FINISHED", end_time: Date.now() });
        ids.push(runId);
      }
    }
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/compare?runs=${ids.join(",")}&key=val%2Facc&group=activation`);
    const sentence = page.getByTestId("verdict-sentence");
    await sentence.waitFor({ timeout: 30_000 });
    expect(await sentence.textContent()).toMatch(/^gelu beats relu/);
    await stack.screenshot(page, "mlflow-compare-verdict");
    // Beside the trainer's runs in the runs table, with their params as columns.
    await page.goto(`${stack.baseUrl}/`);
    await page.getByTestId("runs-table").getByText("gelu-0").waitFor({ timeout: 30_000 });
    await stack.screenshot(page, "mlflow-runs-table");
    await page.close();
  }, 120_000);

  it("shows a run logged into its own experiment once that project is picked in the top bar", async () => {
    const { experiment_id } = (await mlflow("experiments/create", { name: "mnist-mlp" })) as {
      experiment_id: string;
    };
    await mlflow("runs/create", { experiment_id, run_name: "in-mnist-mlp" });
    const page = await stack.newPage();
    await page.goto(`${stack.baseUrl}/`);
    const switcher = page.getByTestId("project-switcher");
    await switcher.waitFor();
    await switcher.selectOption({ label: "mnist-mlp" });
    await page.getByTestId("runs-table").getByText("in-mnist-mlp").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("runs-table").getByText("gelu-0").count()).toBe(0);
    await stack.screenshot(page, "mlflow-project-switcher");
    await page.close();
  }, 120_000);
});
