/** The MLflow routes as a network sees them: the same Host check and body limit as the rest of the API. */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { trackingServerForSuite } from "./test-server";

const s = trackingServerForSuite();

/** node:http, because fetch will not send a Host other than the URL's, nor a body without a length. */
function post(options: {
  host?: string;
  body: string;
  chunked?: boolean;
}): Promise<{ status: number; body: string }> {
  const u = new URL(s.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: u.port,
        path: "/api/2.0/mlflow/runs/log-batch",
        method: "POST",
        headers: {
          host: options.host ?? u.host,
          "content-type": "application/json",
          ...(options.chunked ? { "transfer-encoding": "chunked" } : {}),
        },
      },
      (res) => {
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    if (options.chunked) {
      for (let i = 0; i < options.body.length; i += 65_536) req.write(options.body.slice(i, i + 65_536));
      req.end();
    } else req.end(options.body);
  });
}

const huge = JSON.stringify({ run_id: "x", metrics: [], pad: "x".repeat(3_000_000) });

describe("MLflow routes on a network", () => {
  it("refuses a request naming an unknown Host (DNS rebinding)", async () => {
    const res = await post({ host: "evil.example", body: "{}" });
    expect(res.status).toBe(421);
  });

  it("refuses a body over the limit with 413 and MLflow's error body, declared or streamed", async () => {
    for (const chunked of [false, true]) {
      const res = await post({ body: huge, chunked });
      expect(res.status, chunked ? "chunked" : "declared").toBe(413);
      expect(JSON.parse(res.body)).toMatchObject({ error_code: "PAYLOAD_TOO_LARGE" });
    }
  });

  it("still answers log-batch's own 1 MB reason for a body between the two limits", async () => {
    const res = await post({ body: JSON.stringify({ run_id: "x", pad: "x".repeat(1_200_000) }) });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toMatch(/at most 1048576 bytes/);
  });
});
