/** The colours of groups in every chart: one palette, so an activation looks the same on every page. */

/**
 * A qualitative palette built to stay apart: category10's ten hues, then six more chosen to keep every
 * pair at least 60 apart in RGB and readable on white, so a comparison of every activation (eleven
 * groups and more) never draws two groups in look-alike colours.
 */
export const PALETTE = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
  "#393b79",
  "#00a087",
  "#000000",
  "#6baed6",
  "#fc8d62",
  "#e7298a",
];
export const colorOf = (i: number): string => PALETTE[i % PALETTE.length] as string;
