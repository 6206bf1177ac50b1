import './styles.css';
import { h } from './dom';

// The DOM layer over the Phaser canvas. It is laid out in the canvas's own 1280×720 pixels and
// scaled with it, so panels line up with the board at any window size.

const WIDTH = 1280;
const HEIGHT = 720;
let root: HTMLElement | null = null;
let announcer: HTMLElement | null = null;

export function mountOverlay(canvas: HTMLCanvasElement): void {
  if (root) return;
  root = h('div', { id: 'ui', class: 'ui-root' });
  announcer = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
  document.body.append(root, announcer);
  const align = () => {
    const rect = canvas.getBoundingClientRect();
    if (rect.width === 0 || !root) return;
    const scale = rect.width / WIDTH;
    root.style.transform = `translate(${rect.left + window.scrollX}px, ${rect.top + window.scrollY}px) scale(${scale})`;
  };
  align();
  new ResizeObserver(align).observe(canvas);
  window.addEventListener('resize', align);
  setInterval(align, 500);
}

export function overlayRoot(): HTMLElement {
  if (!root) throw new Error('overlay not mounted');
  return root;
}

/**
 * A fresh layer for one scene, removed when the scene shuts down. The page's body names the scene on
 * screen (data-scene), for the browser tests.
 */
export function sceneLayer(name: string, scene: { events: { once(event: 'shutdown', run: () => void): unknown }; scene: { key: string } }): HTMLElement {
  const r = overlayRoot();
  const remove = () => r.querySelector(`[data-layer="${name}"]`)?.remove();
  remove();
  const layer = h('div', { class: `layer layer-${name}`, 'data-layer': name });
  r.append(layer);
  scene.events.once('shutdown', remove);
  document.body.dataset.scene = scene.scene.key;
  return layer;
}

/** Says something to screen readers (the log's newest line, a rejection). */
export function announce(text: string): void {
  if (announcer) announcer.textContent = text;
}

export const OVERLAY_SIZE = { width: WIDTH, height: HEIGHT };
