import { describe, expect, it } from "vitest";
import { updateSummary } from "./summary";

describe("updateSummary", () => {
  it("keeps the last headline metrics and the best validation accuracy with its epoch", () => {
    const summary: Record<string, number> = {};
    updateSummary(summary, { "train/loss": 1, "val/acc": 0.6, "val/loss": 0.9 }, 1, 10);
    updateSummary(summary, { "train/loss": 0.5, "val/acc": 0.8, "val/loss": 0.7 }, 2, 20);
    updateSummary(summary, { "train/loss": 0.4, "val/acc": 0.7, "val/loss": 0.8 }, 3, 30);
    expect(summary).toEqual({
      epochs_run: 3,
      steps: 30,
      final_train_loss: 0.4,
      final_val_acc: 0.7,
      final_val_loss: 0.8,
      best_val_acc: 0.8,
      best_val_acc_epoch: 2,
      best_val_loss: 0.7,
    });
  });

  it("never takes a NaN validation loss as the best", () => {
    const summary: Record<string, number> = {};
    updateSummary(summary, { "val/loss": 0.5 }, 1, 1);
    updateSummary(summary, { "val/loss": Number.NaN }, 2, 2);
    expect(summary.best_val_loss).toBe(0.5);
  });
});
