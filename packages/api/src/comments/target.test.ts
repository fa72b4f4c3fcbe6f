import { describe, expect, it } from "vitest";
import { ZNotesTarget, ZTarget } from "./target";

describe("comment and notes targets", () => {
  it("accepts runs, sweeps and saved views as comment targets", () => {
    for (const targetKind of ["run", "sweep", "view"])
      expect(ZTarget.parse({ targetKind, targetId: "abc" })).toEqual({ targetKind, targetId: "abc" });
  });

  it("refuses an unknown kind with a message that lists the kinds", () => {
    const r = ZTarget.safeParse({ targetKind: "workspace", targetId: "abc" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("target kind is run, sweep or view");
  });

  it("keeps notes on runs and sweeps only", () => {
    expect(ZNotesTarget.safeParse({ targetKind: "sweep", targetId: "s1" }).success).toBe(true);
    const r = ZNotesTarget.safeParse({ targetKind: "view", targetId: "v1" });
    expect(r.error?.issues[0]?.message).toBe("notes belong to a run or a sweep");
  });
});
