// A tiny element builder for the overlay panels: plain DOM, so buttons bring keyboard focus and
// screen-reader text with them. Every button is type="button" (none of them submits a form).

type Attrs = Record<string, string | number | boolean | EventListener | undefined | null>;
export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (tag === 'button') (el as HTMLButtonElement).type = 'button';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    // The DOM makes text of a number itself.
    else if (key === 'class') el.className = value as string;
    else if (key === 'text') el.textContent = value as string;
    else el.setAttribute(key, value === true ? '' : value as string);
  }
  // One at a time (a long list would overflow a spread); Element.append makes a text node of a string or a number itself.
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c as Node | string);
  return el;
}

/** A list of plain lines: a ul (or the tag given) of li. */
export const textList = (items: readonly string[], attrs: Attrs = {}, tag: 'ul' | 'ol' = 'ul'): HTMLElement => h(tag, attrs, items.map((text) => h('li', { text })));

/** An option of a select: its value, its words, and whether it is the one chosen. */
export const option = (value: string | number, text: string, selected = false): HTMLOptionElement => h('option', { value, selected }, text);

/**
 * Tab buttons put in a tablist: a click or the left and right arrow keys choose one. The returned
 * `show(i, focus)` marks tab i as the chosen one (focusing it when asked), then runs `render(i)`.
 */
export function tabList(list: HTMLElement, tabs: HTMLElement[], render: (i: number) => void): (i: number, focus?: boolean) => void {
  const show = (i: number, focus = false) => {
    tabs.forEach((b, k) => {
      b.setAttribute('aria-selected', k === i ? 'true' : 'false');
      b.tabIndex = k === i ? 0 : -1;
      if (k === i && focus) b.focus();
    });
    render(i);
  };
  tabs.forEach((b, i) => {
    b.addEventListener('click', () => show(i));
    b.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      show((i + step + tabs.length) % tabs.length, true);
    });
  });
  list.append(...tabs);
  return show;
}

/** Focusable elements inside a container, in tab order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"]), a[href]')]
    .filter((e) => e.offsetParent !== null || e === document.activeElement);
}

/** Saves text as a file through the browser's download. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const link = h('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export { cap, displayLabel, fmt, typeWords } from '../debrief/words';
