import { describe, expect, it } from "vitest";
import { DEFAULT_FORM, validateForm } from "./run-form";

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
