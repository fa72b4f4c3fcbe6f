"use client";
/** The live compare page: the comparison with a "Save view" button (a saved view's own report has none). */
import { CompareView } from "@/components/compare/compare-view";
import { SaveViewButton } from "./save-view-button";

export function SavableCompareView() {
  return <CompareView saveButton={(query) => <SaveViewButton state={query} />} />;
}
