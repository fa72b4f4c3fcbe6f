/**
 * A saved view's comparison, stored as the compare page's query string (`compareStateToQuery`). The web
 * app round-trips it through its `ZCompareState` before saving; the API re-checks what it relies on:
 * which runs (1–200 ids) and which metric, since the public share procedures read exactly those.
 */
import { METRIC } from "@actlab/core";
import { z } from "zod";

const ZStateFields = z.object({
  runs: z
    .string()
    .optional()
    .transform((s) => (s ?? "").split(",").filter(Boolean))
    .pipe(
      z
        .array(z.string().max(64, "run ids are at most 64 characters"))
        .min(1, "a view compares at least one run")
        .max(200, "a view compares at most 200 runs"),
    ),
  key: z.string().min(1).max(200).catch(METRIC.valAcc),
});

export type ViewState = z.output<typeof ZStateFields>;

export function parseViewState(query: string): ViewState {
  return ZStateFields.parse(Object.fromEntries(new URLSearchParams(query)));
}

export const ZViewStateQuery = z
  .string()
  .max(8000, "the comparison state is at most 8,000 characters")
  .superRefine((query, ctx) => {
    const parsed = ZStateFields.safeParse(Object.fromEntries(new URLSearchParams(query)));
    if (!parsed.success)
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
  });
