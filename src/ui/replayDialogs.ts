import type { Scenario, Seats } from '../core';
import { openDialog, toast, type DialogHandle } from './dialog';
import { downloadText, h, textList } from './dom';
import { PLAYERS, seatFrom, seatPicker, seatValue } from './menu';

// The dialogs of replays and sharing: what an opened file turned out to be, a link to copy (or why
// a file was saved instead), the game's "save and share" choices, and the seats of a fork.

export { downloadText } from './dom';

/** What opening a replay file found (app/replayImport's result). */
export type ImportView =
  | { kind: 'unusable'; problems: string[] }
  | { kind: 'verified'; file: { scenario: { title: string } }; text: string }
  | { kind: 'diverged'; file: { scenario: { title: string } }; text: string; expected: string | null; actual: string | null };

/** What opening a replay file found; "Watch" opens the viewer (also for a diverged file, up to where it parts). */
export function importDialog(fileName: string, v: ImportView, onWatch: () => void): DialogHandle {
  if (v.kind === 'unusable')
    return openDialog({
      title: 'This replay file cannot be used',
      className: 'import-dialog',
      body: [
        h('p', { class: 'lead', text: `${fileName} could not be opened:` }),
        textList(v.problems, { class: 'import-problems' }),
      ],
      buttons: [{ label: 'Close', kind: 'primary' }],
    });
  const ok = v.kind === 'verified';
  return openDialog({
    title: ok ? 'Replay verified' : 'Replay diverged',
    className: 'import-dialog',
    body: [
      h('p', { class: 'eyebrow', text: `${fileName} · ${v.file.scenario.title}` }),
      h('p', { class: `verdict ${ok ? 'verdict-ok' : 'verdict-bad'}` },
        h('span', { class: 'verdict-mark', 'aria-hidden': 'true', text: ok ? '✓' : '✗' }), h('span', { text: v.text })),
      !ok && (v.expected || v.actual)
        ? h('dl', { class: 'facts' }, h('dt', { text: 'Expected' }), h('dd', { class: 'mono', text: v.expected ?? '–' }), h('dt', { text: 'This game' }), h('dd', { class: 'mono', text: v.actual ?? '–' }))
        : null,
    ],
    buttons: [
      { label: ok ? 'Watch the replay' : 'Watch it, from where it parts', kind: 'primary', onClick: onWatch },
      { label: 'Close' },
    ],
  });
}

export type ShareView = { kind: 'link'; url: string; what: string } | { kind: 'file'; text: string };

/** A link to copy (copied already when the browser allows), or the plain reason a file was saved instead. */
export function shareDialog(v: ShareView): DialogHandle {
  if (v.kind === 'file')
    return openDialog({
      title: 'Saved as a file instead',
      body: h('p', { class: 'lead', text: v.text }),
      buttons: [{ label: 'Close', kind: 'primary' }],
    });
  const field = h('input', { type: 'text', readonly: true, value: v.url, class: 'share-url', 'aria-label': 'The link', spellcheck: 'false' });
  const status = h('p', { class: 'muted small', role: 'status', text: 'Copying…' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(v.url);
      status.textContent = 'Copied. Paste it into a message or a class page.';
    } catch {
      field.focus();
      field.select();
      status.textContent = 'The browser did not let the game copy it: the link is selected, press Ctrl+C (or ⌘C).';
    }
  };
  void copy();
  return openDialog({
    title: 'Share link',
    body: [h('p', { class: 'lead', text: v.what }), field, status],
    buttons: [
      { label: 'Copy again', onClick: () => { void copy(); return false; } },
      { label: 'Close', kind: 'primary', focus: true },
    ],
  });
}

/**
 * What sharing made: a link, shown to copy; or, when no link could be made, the replay file (made by
 * `file`) is saved and `why` says so in words.
 */
export function showShared<F extends { kind: 'file' }>(made: { kind: 'link'; url: string } | F, what: string, file: () => { name: string; text: string }, why: (made: F, fileName: string) => string): void {
  if (made.kind === 'link') { shareDialog({ kind: 'link', url: made.url, what }); return; }
  const f = file();
  downloadText(f.name, f.text);
  shareDialog({ kind: 'file', text: why(made, f.name) });
}

export interface SaveShareChoices {
  onSaveFile(): void;
  onShareStart(): void;
  onShareReplay(): void;
  /** For a forked game: save the replay it was forked from. */
  onSaveOriginal: (() => void) | null;
  originNote: string | null;
}

/** The game's "Save & share": the replay file so far, a link to the same start, a link to the replay so far. */
export function saveShareDialog(c: SaveShareChoices): DialogHandle {
  return openDialog({
    title: 'Save and share this game',
    body: [
      h('p', { text: 'The replay file holds the whole game so far; anyone can open it from the main menu and watch it, verified move by move.' }),
      c.originNote ? h('p', { class: 'muted', text: c.originNote }) : null,
    ],
    buttons: [
      { label: 'Save the replay file', kind: 'primary', describe: 'Every action so far, with the state after each turn.', onClick: c.onSaveFile },
      { label: 'Link to this game’s start', describe: 'Same scenario, seed and seats: a new game from turn 1.', onClick: c.onShareStart },
      { label: 'Link to the replay so far', describe: 'Opens the viewer at every action taken so far.', onClick: c.onShareReplay },
      ...(c.onSaveOriginal ? [{ label: 'Save the original replay', describe: 'The game this one was forked from.', onClick: c.onSaveOriginal }] : []),
      { label: 'Close' },
    ],
    className: 'choices-dialog',
  });
}

/** "Play from here": who takes each seat in the new branch (the original's seats to start with). */
export function forkDialog(scenario: Scenario, seats: Seats, where: string, onStart: (seats: Seats) => void): DialogHandle {
  const choice: Record<string, string> = {};
  const rows = scenario.roles.map((r) => {
    choice[r.id] = seatValue(seats[r.id]);
    return seatPicker(`fork-seat-${r.id}`, r, seats[r.id]?.kind === 'scripted' ? ['scripted'] : PLAYERS, choice[r.id], (v) => { choice[r.id] = v; });
  });
  return openDialog({
    title: 'Play from here',
    body: [
      h('p', { class: 'lead', text: `A new game starts ${where}, with every action up to here. The replay you are watching stays as it is: you can save both and compare them.` }),
      h('div', { class: 'seats' }, rows),
      h('p', { class: 'muted small', text: 'Changing who plays a seat re-runs the game up to here with the new seats; bots answer proposals at once, so if that changes what happened, the game says so and nothing starts.' }),
    ],
    buttons: [
      { label: 'Start from here', kind: 'primary', onClick: () => { const out: Seats = {}; for (const r of scenario.roles) out[r.id] = seatFrom(choice[r.id] ?? 'human'); onStart(out); } },
      { label: 'Cancel' },
    ],
  });
}

export function notify(text: string, kind: 'error' | 'info' = 'info'): void {
  toast(text, kind);
}
