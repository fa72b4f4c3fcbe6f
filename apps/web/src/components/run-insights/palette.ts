/** Class colours (Tableau 10): distinct in light and dark themes, and for the common colour blindnesses. */
import type { Rgb } from "./boundary-grid";

export const CLASS_COLORS: readonly Rgb[] = [
  [78, 121, 167],
  [242, 142, 43],
  [89, 161, 79],
  [225, 87, 89],
  [176, 122, 161],
  [118, 183, 178],
  [237, 201, 72],
  [255, 157, 167],
  [156, 117, 95],
  [186, 176, 172],
];

export const classColor = (k: number, alpha = 1): string => {
  const [r, g, b] = CLASS_COLORS[k % CLASS_COLORS.length] as Rgb;
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
};
