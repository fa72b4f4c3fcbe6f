import { describe, expect, it } from "vitest";
import { fieldErrors, safeNext, ZChangePasswordForm, ZSignUpForm } from "./schemas";

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
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("/%09/evil.example")).toBe("/");
    expect(safeNext("/\t/evil.example")).toBe("/");
    expect(safeNext("/%2F%2Fevil.example")).toBe("/");
    expect(safeNext("/%5Cevil.example")).toBe("/");
  });

  it("asks for a new password typed twice and different from the current one", () => {
    const errors = (f: Record<string, string>) => {
      const parsed = ZChangePasswordForm.safeParse(f);
      return parsed.success ? {} : fieldErrors(parsed.error);
    };
    expect(errors({ currentPassword: "", newPassword: "short", confirmPassword: "short" })).toEqual({
      currentPassword: "enter your current password",
      newPassword: "at least 8 characters",
    });
    expect(
      errors({
        currentPassword: "old password",
        newPassword: "new password",
        confirmPassword: "new pasword",
      }),
    ).toEqual({
      confirmPassword: "the two new passwords differ",
    });
    expect(
      errors({
        currentPassword: "same password",
        newPassword: "same password",
        confirmPassword: "same password",
      }),
    ).toEqual({
      newPassword: "choose a password different from the current one",
    });
    expect(
      errors({
        currentPassword: "old password",
        newPassword: "new password",
        confirmPassword: "new password",
      }),
    ).toEqual({});
  });
});
