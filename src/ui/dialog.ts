import { h, type Child } from './dom';
import { pushDialog } from './keys';
import { overlayRoot } from './overlay';

// Modal dialogs: a titled panel with buttons. The first (or the `focus`) button takes focus;
// Esc cancels when the dialog can be cancelled.

export interface DialogButton {
  label: string;
  kind?: 'primary' | 'secondary' | 'danger';
  /** Return false to keep the dialog open; without it the button only closes the dialog. */
  onClick?: () => void | boolean;
  focus?: boolean;
  describe?: string;
}

export interface DialogOptions {
  title: string;
  icon?: string;
  body: Child | Child[];
  buttons: DialogButton[];
  /** Esc closes the dialog, running this first. */
  onCancel?: () => void;
  /** Esc does nothing: one of the buttons must be chosen. */
  mustChoose?: boolean;
  className?: string;
  /** Names the role the dialog belongs to (shown as a coloured tag). */
  tag?: HTMLElement;
}

export interface DialogHandle { close(): void; root: HTMLElement }

export function openDialog(o: DialogOptions): DialogHandle {
  const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
  const buttons = h('div', { class: 'dialog-buttons' });
  let closed = false;
  let focusTarget: HTMLElement | null = null;
  for (const b of o.buttons) {
    const btn = h('button', {
      class: `btn btn-${b.kind ?? 'secondary'}`,
      onclick: () => {
        if (closed) return;
        if (b.onClick?.() !== false) close();
      },
    },
    h('span', { class: 'btn-label', text: b.label }),
    b.describe ? h('span', { class: 'btn-desc', text: b.describe }) : null);
    buttons.append(btn);
    if (b.focus || !focusTarget) focusTarget = btn;
  }
  const panel = h('div', { class: `dialog ${o.className ?? ''}`, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId },
    h('div', { class: 'dialog-head' },
      o.icon ? h('img', { src: o.icon, alt: '', class: 'dialog-icon' }) : null,
      h('h2', { id: titleId, text: o.title }),
      o.tag),
    h('div', { class: 'dialog-body' }, o.body),
    buttons);
  const close = showModal(h('div', { class: 'backdrop' }, panel), panel, o.mustChoose ? false : o.onCancel ?? true, () => { closed = true; });
  queueMicrotask(() => (focusTarget ?? panel).focus());
  return { close, root: panel };
}

/**
 * Puts a modal panel (inside its backdrop) on the overlay. Esc closes it when `esc` is set (running
 * it first when it is a function). The close returned runs once: releases the keys, removes the backdrop, then onClose.
 */
export function showModal(backdrop: HTMLElement, panel: HTMLElement, esc: boolean | (() => void), onClose?: () => void): () => void {
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    release();
    backdrop.remove();
    onClose?.();
  };
  overlayRoot().append(backdrop);
  const release = pushDialog(panel, esc ? () => { if (esc !== true) esc(); close(); } : null);
  return close;
}

/**
 * A large modal panel (the debrief, the fork comparison): a header with an eyebrow line, a title and
 * tool buttons ([label, run]) ending with Close, then `content`. Its classes and ids start
 * with `name`; one left open before is replaced. Esc closes it.
 */
export function openPanel(name: string, eyebrow: string, title: string, tools: [string, () => void][], content: HTMLElement[], onClose?: () => void): { close: () => void; panel: HTMLElement; closeButton: HTMLElement } {
  overlayRoot().querySelector(`.${name}-backdrop`)?.remove();
  const button = ([label, run]: [string, () => void]) => h('button', { class: 'btn btn-secondary', onclick: run }, label);
  const closeButton = button(['Close', () => close()]);
  const panel = h('section', { class: `${name} panel`, role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': `${name}-title` },
    h('header', { class: `${name}-head` },
      h('div', {}, h('p', { class: 'eyebrow', text: eyebrow }), h('h1', { id: `${name}-title`, text: title })),
      h('div', { class: `${name}-tools` }, tools.map(button), closeButton)),
    content);
  const close = showModal(h('div', { class: `${name}-backdrop` }, panel), panel, true, onClose);
  return { close, panel, closeButton };
}

/** Removes the notices of the board (not the errors) now, e.g. when the game ends and the end screen opens. */
export function clearNotices(): void {
  for (const el of overlayRoot().querySelectorAll('.toast-info')) el.remove();
}

/** A short message that fades by itself (rejections, notices); read out to screen readers. */
export function toast(text: string, kind: 'error' | 'info' = 'info'): void {
  const el = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status', text });
  overlayRoot().append(el);
  const shown = kind === 'error' ? 5000 : 2800;
  setTimeout(() => el.classList.add('toast-out'), shown);
  setTimeout(() => el.remove(), shown + 600);
}

let tip: HTMLElement | null = null;

/** A hover panel of plain lines near a point of the board (in canvas pixels); null hides it. */
export function hoverTip(lines: readonly string[] | null, x: number, y: number): void {
  if (!lines) { tip?.remove(); tip = null; return; }
  tip ??= h('div', { class: 'hover-tip', role: 'tooltip' });
  tip.replaceChildren(...lines.map((l, i) => h(i === 0 ? 'strong' : 'span', { text: l })));
  tip.style.left = `${Math.min(x + 18, 1280 - 340)}px`;
  tip.style.top = `${Math.min(y + 18, 720 - 140)}px`;
  if (!tip.isConnected) overlayRoot().append(tip);
}
