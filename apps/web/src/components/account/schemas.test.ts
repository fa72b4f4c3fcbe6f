import { describe, expect, it } from "vitest";
import { fieldErrors, safeNext, ZSignUpForm } from "./schemas";

describe("account forms", () => {
  it("gives one readable message per bad field", () => {
    const parsed = ZSignUpForm.safeParse({ name: " ", email: "nope", password: "short" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrors(parsed.error)).toEqual({
      name: "tell us your name",
      email: "enter an email address like you@example.com",
      password: "at least 8 characters",
    });
  });

  it("only follows same-site paths after sign-in", () => {
    expect(safeNext("/runs/abc?x=1")).toBe("/runs/abc?x=1");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});
