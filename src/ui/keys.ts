import { focusables } from './dom';

// Keyboard: Tab and Shift+Tab move through buttons as usual; open dialogs keep focus inside
// themselves and close with Esc; a few single-key shortcuts work when no text field has focus.

/** A key (as KeyboardEvent.key; a letter in lower case), what it does in words, and the doing. */
export type Shortcut = [key: string, description: string, run: () => void];
const shortcuts: Shortcut[] = [];
const dialogs: { root: HTMLElement; onEscape: (() => void) | null }[] = [];

// One listener for the page, added when the game loads.
document.addEventListener('keydown', (e) => {
  const top = dialogs[dialogs.length - 1];
  if (top) {
    if (e.key === 'Escape' && top.onEscape) { e.preventDefault(); top.onEscape(); return; }
    if (e.key === 'Tab') trapTab(e, top.root);
    return;
  }
  const target = e.target as HTMLElement | null;
  if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const s = shortcuts.find(([key]) => key === e.key.toLowerCase() || key === e.key);
  if (s) { e.preventDefault(); s[2](); }
});

function trapTab(e: KeyboardEvent, root: HTMLElement): void {
  const items = focusables(root);
  if (items.length === 0) { e.preventDefault(); return; }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement as HTMLElement | null;
  if (!active || !root.contains(active)) { e.preventDefault(); first.focus(); return; }
  if (e.shiftKey && active === first) { e.preventDefault(); last.focus(); }
  else if (!e.shiftKey && active === last) { e.preventDefault(); first.focus(); }
}

export function setShortcuts(list: Shortcut[]): void {
  shortcuts.length = 0;
  shortcuts.push(...list);
}

export function listShortcuts(): readonly Shortcut[] {
  return shortcuts;
}

/** Registers an open dialog: focus stays inside it; Esc runs `onEscape` when given. */
export function pushDialog(root: HTMLElement, onEscape: (() => void) | null): () => void {
  const entry = { root, onEscape };
  const before = document.activeElement as HTMLElement | null;
  dialogs.push(entry);
  return () => {
    const i = dialogs.indexOf(entry);
    if (i >= 0) dialogs.splice(i, 1);
    if (dialogs.length === 0 && before && document.contains(before)) before.focus();
  };
}

export const dialogOpen = (): boolean => dialogs.length > 0;
