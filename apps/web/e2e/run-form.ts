/** The new-run form as a user fills it in, the run page its launch leads to, and that page's status. */
import type { Page } from "playwright-core";
import type { E2EStack } from "./stack";

/** Form fields by input id; a field left out keeps the form's default. */
export type RunFormFields = {
  dataset?: string;
  activation?: string;
  samples?: number;
  hiddenLayers?: string;
  lr?: number | string;
  epochs?: number;
};

const TYPED_FIELDS = ["samples", "hiddenLayers", "lr", "epochs"] as const;

/** Opens /runs/new and fills it in; the dataset goes first because choosing one resets the sizes. */
export async function fillRunForm(stack: E2EStack, page: Page, fields: RunFormFields): Promise<void> {
  await page.goto(`${stack.baseUrl}/runs/new`);
  if (fields.dataset !== undefined) await page.locator("#dataset").selectOption(fields.dataset);
  if (fields.activation !== undefined) await page.locator("#activation").selectOption(fields.activation);
  for (const id of TYPED_FIELDS) {
    const value = fields[id];
    if (value !== undefined) await page.locator(`#${id}`).fill(String(value));
  }
}

/** Presses Launch on a filled form and waits for the new run's page; returns the run's id. */
export async function launchFilledForm(page: Page): Promise<string> {
  await page.getByTestId("launch").click();
  await page.waitForURL(/\/runs\/(?!new$)[\w-]+$/);
  return page.url().split("/").at(-1) as string;
}

/** Fills the form, launches and waits for the run's page; returns the run's id. */
export async function launchRun(stack: E2EStack, page: Page, fields: RunFormFields): Promise<string> {
  await fillRunForm(stack, page, fields);
  return launchFilledForm(page);
}

/** Waits until the run page's status badge reads `status`. */
export function waitForRunStatus(page: Page, status: string, timeout: number): Promise<void> {
  return page.getByTestId("run-status").filter({ hasText: status }).waitFor({ timeout });
}
