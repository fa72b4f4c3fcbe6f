/**
 * Draws a canvas now, again whenever its element resizes, and when the theme flips (the colours come from
 * CSS variables). Returns the cleanup, so an effect can return it as is.
 */
export function observeRedraw(el: Element, draw: () => void): () => void {
  draw();
  const ro = new ResizeObserver(draw);
  ro.observe(el);
  window.addEventListener("actlab-theme", draw);
  return () => {
    ro.disconnect();
    window.removeEventListener("actlab-theme", draw);
  };
}
