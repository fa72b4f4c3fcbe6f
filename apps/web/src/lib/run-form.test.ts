import { describe, expect, it } from "vitest";
import { uploadChoice } from "./dataset-choice";
import { DEFAULT_FORM, formToConfig, validateForm, withDataset } from "./run-form";

describe("validateForm", () => {
  it("accepts the defaults", () => {
    expect(validateForm(DEFAULT_FORM)).toEqual({});
  });

  it.each([
    [{ hiddenLayers: "" }, "hiddenLayers", /at least one hidden layer/],
    [{ hiddenLayers: "16, 0" }, "hiddenLayers", /at least 1 unit/],
    [{ hiddenLayers: "100000" }, "hiddenLayers", /at most 4096 units/],
    [{ lr: "0" }, "lr", /> 0/],
    [{ lr: "-1" }, "lr", /> 0/],
    [{ epochs: "5000" }, "epochs", /at most 1000 epochs/],
    [{ activation: "cosine" }, "activation", /activation must be one of/],
    [{ dataset: "imagenet" }, "dataset", /dataset must be one of/],
  ])("gives a message on the right field for %o", (patch, field, message) => {
    const errors = validateForm({ ...DEFAULT_FORM, ...patch });
    expect(errors[field as keyof typeof errors]).toMatch(message);
  });
});

describe("choosing a dataset", () => {
  it("launches a shipped table as a builtin spec with its suggested settings", () => {
    const v = withDataset(DEFAULT_FORM, "mnist");
    expect(formToConfig(v).dataset).toEqual({ kind: "builtin", name: "mnist" });
    expect(v).toMatchObject({ hiddenLayers: "128, 64", epochs: "3", batchSize: "64" });
    expect(validateForm(v)).toEqual({});
  });

  it("launches an upload by its hash with a table's suggested settings", () => {
    const hash = "ab".repeat(32);
    const v = withDataset(DEFAULT_FORM, uploadChoice(hash));
    expect(formToConfig(v).dataset).toEqual({ kind: "uploaded", hash });
    expect(v).toMatchObject({ hiddenLayers: "32, 16" });
    expect(validateForm(v)).toEqual({});
  });

  it("keeps samples and noise for a generator", () => {
    const v = withDataset(withDataset(DEFAULT_FORM, "iris"), "moons");
    expect(formToConfig(v).dataset).toEqual({ kind: "generated", name: "moons", samples: 600, noise: 0.1 });
  });
});
