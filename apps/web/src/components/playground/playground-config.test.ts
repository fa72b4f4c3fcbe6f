import { describe, expect, it } from "vitest";
import { DEFAULT_FORM, formToConfig } from "@/lib/run-form";
import { PLAYGROUND_MAX_WIDTH, playgroundConfigOf } from "./playground-config";

describe("playgroundConfigOf", () => {
  it("trains the form's defaults with exactly the config the form launches", () => {
    const result = playgroundConfigOf(DEFAULT_FORM);
    if (!result.ok) throw new Error(result.reason);
    expect(result.config).toMatchObject(formToConfig(DEFAULT_FORM));
    expect(result.config.seed).toBe(0);
  });

  it("takes networks up to the widest size, any depth", () => {
    const w = PLAYGROUND_MAX_WIDTH;
    expect(playgroundConfigOf({ ...DEFAULT_FORM, hiddenLayers: `${w}, ${w}, ${w}` }).ok).toBe(true);
    const wider = playgroundConfigOf({ ...DEFAULT_FORM, hiddenLayers: `${w}, ${w + 1}` });
    expect(wider).toEqual({
      ok: false,
      reason: `A layer of ${w + 1} units: networks up to ${w} wide train here; larger ones only on the workers.`,
    });
  });

  it("leaves the shipped tables to the workers", () => {
    const result = playgroundConfigOf({ ...DEFAULT_FORM, dataset: "iris" });
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/iris trains only on the workers/),
    });
  });

  it("waits for a valid form", () => {
    expect(playgroundConfigOf({ ...DEFAULT_FORM, lr: "0" })).toMatchObject({ ok: false });
  });

  it("gives a new key to every change that alters the training, and none to a retyped equal value", () => {
    const key = (patch: Partial<typeof DEFAULT_FORM>) => {
      const r = playgroundConfigOf({ ...DEFAULT_FORM, ...patch });
      return r.ok ? r.key : null;
    };
    const base = key({});
    for (const patch of [
      { activation: "relu" },
      { lr: "0.1" },
      { noise: "0.2" },
      { seed: "1" },
      { hiddenLayers: "8" },
    ])
      expect(key(patch)).not.toBe(base);
    expect(key({ lr: "0.030" })).toBe(base);
  });
});
