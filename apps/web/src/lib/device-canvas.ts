/**
 * A canvas made ready to draw: its backing store sized to its box in device pixels (resized only when
 * that changed, which would clear it anyway) and cleared. Null when it has no 2-D context.
 */
export function clearedDeviceCanvas(
  el: HTMLCanvasElement,
): { ctx: CanvasRenderingContext2D; width: number; height: number; dpr: number } | null {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(el.clientWidth * dpr));
  const height = Math.max(1, Math.round(el.clientHeight * dpr));
  if (el.width !== width || el.height !== height) {
    el.width = width;
    el.height = height;
  }
  const ctx = el.getContext("2d");
  if (!ctx) return null;
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height, dpr };
}
