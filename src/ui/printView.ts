import './print.css';
import { h, type Child } from './dom';
import { pushDialog } from './keys';

// A print view: the pages laid out on white, on screen first (so the teacher sees what will print),
// then the browser's print dialog. Lives outside the scaled overlay so A4 pages get real widths.

export function openPrintView(title: string, pages: Child[]): void {
  document.getElementById('print-root')?.remove();
  const printButton = h('button', { class: 'pbtn pbtn-primary', onclick: () => window.print() }, 'Print…');
  const closeButton = h('button', { class: 'pbtn', onclick: () => close() }, 'Close the print view');
  const toolbar = h('div', { class: 'print-toolbar', role: 'toolbar', 'aria-label': 'Print view' },
    h('strong', { text: title }), h('span', { class: 'print-hint', text: 'A4 pages. Use your browser’s print dialog to print or save as PDF.' }), printButton, closeButton);
  const root = h('div', { id: 'print-root', role: 'dialog', 'aria-modal': 'true', 'aria-label': title }, toolbar, h('div', { class: 'print-pages' }, pages));
  document.body.append(root);
  document.body.classList.add('print-view');
  const release = pushDialog(root, () => close());
  const close = () => {
    release();
    root.remove();
    document.body.classList.remove('print-view');
  };
  queueMicrotask(() => printButton.focus());
}
