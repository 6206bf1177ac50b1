import './forkCompare.css';
import { compareFork, fmt, valueOf, type CompareMetric, type CompareTurn, type ForkComparison, type ForkGame } from '../debrief/forkCompare';
import { openPanel } from './dialog';
import { downloadText, h, tabList } from './dom';

// "Compare with the original": a forked game beside the replay it was forked from. Opened from the
// game's side panel (C) and the end screen. Differences carry a symbol and a word, never colour alone.

export interface CompareOptions {
  /** Where the original came from, for the reader ("a replay file", "your last game"). */
  originLabel: string;
  /** The two replay files the panel saves: the original as it was opened, and this game so far. */
  files: () => { original: { name: string; text: string }; fork: { name: string; text: string } };
  onClose?: () => void;
}

/** The shortcut that opens the comparison (the board and the end screen). */
export const COMPARE_KEY = ['c', 'Compare this game with the original it was forked from'] as const;

export interface CompareHandle { close(): void; root: HTMLElement }

const SAME = '= same';

export function openForkCompare(original: ForkGame, fork: ForkGame, at: number, o: CompareOptions): CompareHandle {
  const c = compareFork(original, fork, at);
  const body = h('div', { class: 'compare-body', tabindex: 0, 'aria-label': 'The comparison' },
    summarySection(c, o.originLabel), outcomeSection(c), turnsSection(c));
  const { close, panel, closeButton } = openPanel('compare', `${c.title} · seed ${c.seed}`, 'This game and its original', [
    ['Save the original replay', () => { const f = o.files().original; downloadText(f.name, f.text); }],
    ['Save this game’s replay', () => { const f = o.files().fork; downloadText(f.name, f.text); }],
  ], [body], o.onClose);
  queueMicrotask(() => closeButton.focus());
  return { close, root: panel };
}

function summarySection(c: ForkComparison, originLabel: string): HTMLElement {
  const d = c.firstDifference;
  const split = h('section', { class: 'compare-card', 'aria-labelledby': 'compare-split' },
    h('h2', { id: 'compare-split', text: 'Where they split' }),
    h('p', { text: c.split.text }),
    h('p', { class: 'muted small', text: `The original: ${originLabel}, ${c.original.actions} actions.` }),
    c.seatChanges.length > 0
      ? h('ul', { class: 'compare-seats' }, c.seatChanges.map((s) => h('li', {}, h('strong', { text: `${s.name}: ` }), `${s.original} in the original, ${s.fork} here`)))
      : h('p', { class: 'muted', text: 'The same seats as the original.' }));
  const first = h('section', { class: 'compare-card', 'aria-labelledby': 'compare-first' },
    h('h2', { id: 'compare-first', text: 'The first decision that differs' }),
    d
      ? [
          h('p', { class: 'muted', text: `Action ${d.index + 1}, ${d.label} (turn ${d.turn}), ${d.phase.toLowerCase()} phase:` }),
          h('dl', { class: 'compare-pair' },
            h('dt', { text: 'Original' }), h('dd', { text: d.original }),
            h('dt', { text: 'This game' }), h('dd', { text: d.fork })),
        ]
      : h('p', { text: 'None yet: this game has made exactly the original’s decisions so far.' }));
  return h('div', { class: 'compare-summary' }, split, first);
}

function outcomeSection(c: ForkComparison): HTMLElement {
  const card = (title: string, side: ForkComparison['original'], other: ForkComparison['original'] | null) =>
    h('section', { class: 'compare-card', 'aria-label': title },
      h('h2', { text: title }),
      h('p', { class: 'lead', text: side.outcome }),
      side.failure ? h('p', { class: 'warning', role: 'alert', text: side.failure }) : null,
      h('table', { class: 'compare-scores' }, h('tbody', {},
        c.roles.map((r) => {
          const mine = side.scores[r.id];
          const theirs = other?.scores[r.id];
          return h('tr', {}, h('th', { scope: 'row', text: r.name }), h('td', { class: 'num', text: mine === undefined ? '–' : fmt(mine) }),
            other ? h('td', { class: 'delta', text: change(theirs, mine) }) : null);
        }))));
  return h('div', { class: 'compare-outcomes' },
    card('The original', c.original, null),
    // Final against final only: an unfinished fork is compared turn by turn below.
    card(c.fork.finished ? 'This game' : 'This game so far (scores now)', c.fork, c.fork.finished && c.original.finished ? c.original : null));
}

/** How this game's value stands against the original's, in symbols and words. */
function change(original: number | undefined, fork: number | undefined): string {
  if (original === undefined || fork === undefined) return original === fork ? '' : fork === undefined ? '≠ not in this game' : '≠ not in the original';
  if (original === fork) return SAME;
  const by = fork - original;
  return `${by > 0 ? '▲ +' : '▼ −'}${fmt(Math.abs(by))} vs original`;
}

function turnsSection(c: ForkComparison): HTMLElement {
  if (c.turns.length === 0) return h('section', { class: 'compare-turns' }, h('h2', { text: 'Turn by turn' }), h('p', { class: 'muted', text: 'Neither game has finished a turn yet.' }));
  const tabs = h('div', { class: 'compare-turn-tabs', role: 'tablist', 'aria-label': 'Which turn' });
  const holder = h('div', { class: 'compare-turn', role: 'tabpanel', id: 'compare-turn-panel' });
  let showAll = false;
  // Open at the last turn this game has played (the original may have more).
  const played = c.turns.filter((t) => t.fork !== null).length;
  let current = Math.max(0, played - 1);
  const show = tabList(tabs, c.turns.map((t, i) => {
    const only = !t.fork ? 'only in the original' : !t.original ? 'only in this game' : null;
    const mark = only ?? (t.differs.length === 0 ? '=' : `≠ ${t.differs.length}`);
    const said = only ?? (t.differs.length === 0 ? 'the same in both games' : `${t.differs.length} ${t.differs.length === 1 ? 'value differs' : 'values differ'}`);
    return h('button', { class: `compare-turn-tab${t.differs.length ? ' differs' : ''}`, role: 'tab', id: `compare-turn-tab-${i}`, 'aria-controls': 'compare-turn-panel',
      'aria-label': `Turn ${t.turn}, ${t.label}: ${said}` },
      h('span', { text: `Turn ${t.turn}` }), h('span', { class: 'small', text: t.label }), h('span', { class: 'mark', text: mark }));
  }), (i) => {
    current = i;
    holder.setAttribute('aria-labelledby', `compare-turn-tab-${i}`);
    holder.replaceChildren(turnTable(c, c.turns[i]!, showAll, () => { showAll = !showAll; show(current); }));
  });
  show(current);
  return h('section', { class: 'compare-turns', 'aria-labelledby': 'compare-turns-title' },
    h('h2', { id: 'compare-turns-title', text: 'Turn by turn, at each turn’s end' }),
    h('p', { class: 'muted small', text: 'Pick a turn (arrow keys move between turns). ≠ marks a value that differs from the original, = one that is the same.' }),
    tabs, holder);
}

function turnTable(c: ForkComparison, t: CompareTurn, showAll: boolean, toggle: () => void): HTMLElement {
  const differs = new Set(t.differs);
  const row = (m: CompareMetric) => {
    const left = valueOf(t.original, m);
    const right = valueOf(t.fork, m);
    const diff = differs.has(m.key);
    return h('tr', { class: diff ? 'differs' : undefined },
      h('th', { scope: 'row' }, h('span', { class: 'mark', 'aria-hidden': 'true', text: diff ? '≠' : '=' }), m.name),
      h('td', { class: 'num', text: left === undefined ? '–' : fmt(left) }),
      h('td', { class: 'num', text: right === undefined ? '–' : fmt(right) }),
      h('td', { class: 'delta', text: change(left, right) }));
  };
  const group = (title: string, metrics: CompareMetric[]) => [
    h('tr', { class: 'group' }, h('th', { colspan: 4, scope: 'colgroup', text: title })),
    ...metrics.map(row),
  ];
  const others = c.metrics.filter((m) => m.group === 'track');
  const shown = showAll ? others : others.filter((m) => differs.has(m.key));
  const hidden = others.length - shown.length;
  const outcomeDiffers = (t.original?.outcome ?? '') !== (t.fork?.outcome ?? '');
  const toggleButton = others.length > 0 && (hidden > 0 || showAll)
    ? h('button', { class: 'btn btn-secondary compare-toggle', 'aria-pressed': showAll ? 'true' : 'false', onclick: toggle },
      showAll ? 'Show only the tracks that differ' : `Show all ${others.length} tracks`)
    : null;
  return h('div', {},
    h('div', { class: `compare-so-far${outcomeDiffers ? ' differs' : ''}` },
      h('h3', {}, h('span', { class: 'mark', 'aria-hidden': 'true', text: outcomeDiffers ? '≠' : '=' }), `Outcome so far${outcomeDiffers ? ' (differs)' : ' (the same)'}`),
      h('dl', { class: 'compare-pair' },
        h('dt', { text: 'Original' }), h('dd', { text: t.original?.outcome ?? 'The original has no such turn.' }),
        h('dt', { text: 'This game' }), h('dd', { text: t.fork?.outcome ?? 'Not played (yet) in this game.' }))),
    h('table', { class: 'compare-table' },
      h('caption', { class: 'sr-only', text: `Turn ${t.turn}, ${t.label}: the original and this game` }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'At the end of the turn' }), h('th', { scope: 'col', class: 'num', text: 'Original' }), h('th', { scope: 'col', class: 'num', text: 'This game' }), h('th', { scope: 'col', text: 'This game vs original' }))),
      h('tbody', {},
        group('Score', c.metrics.filter((m) => m.group === 'score')),
        group('Tension (10 = shared loss)', c.metrics.filter((m) => m.group === 'tension')),
        others.length > 0 ? group(hidden > 0 ? `Other tracks: ${shown.length} differ, ${hidden} the same (not listed)` : 'Other tracks', shown) : null)),
    toggleButton);
}
