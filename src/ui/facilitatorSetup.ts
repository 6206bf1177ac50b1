import type { Scenario, Seats } from '../core';
import './facilitator.css';
import { openDialog, toast } from './dialog';
import { h } from './dom';
import { printBriefings } from './printBriefings';

// The menu's classroom box: seat a facilitator (the teacher's console), print the role briefings, and
// make one link that opens the same session (scenario, seats, seed) on the projector machine.

export type MakeLink = (scenario: Scenario, seats: Seats, seed: string) => Promise<{ ok: true; url: string } | { ok: false; length: number }>;

export interface ClassroomBox { element: HTMLElement; seats(): Seats }

let withFacilitator = false;

export function classroomSetup(sc: Scenario, current: () => { seats: Seats; seed: string }, makeLink: MakeLink): ClassroomBox {
  const box: HTMLInputElement = h('input', { type: 'checkbox', id: 'seat-facilitator', checked: withFacilitator, onchange: () => { withFacilitator = box.checked; } });
  const seats = (): Seats => (box.checked ? { facilitator: { kind: 'facilitator' } } : {});
  const makeSessionLink = () => {
    const now = current();
    const all: Seats = { ...now.seats, ...seats() };
    void makeLink(sc, all, now.seed).then((made) => {
      if (!made.ok) { toast(`The link would be too long (${made.length} characters).`, 'error'); return; }
      sessionLinkDialog(sc, made.url, all);
    });
  };
  const link = h('button', { class: 'btn btn-secondary', onclick: makeSessionLink }, 'Class session link…');
  const print = h('button', { class: 'btn btn-secondary', onclick: () => printBriefings(sc) }, 'Print role briefings');
  const element = h('div', { class: 'classroom-box' },
    h('label', { class: 'classroom-check', for: 'seat-facilitator' }, box, h('span', { text: 'A facilitator (teacher) steers this game from a console' })),
    h('div', { class: 'classroom-buttons' }, link, print));
  return { element, seats };
}

function sessionLinkDialog(sc: Scenario, url: string, seats: Seats): void {
  const field = h('input', { type: 'text', readonly: true, value: url, class: 'link-field', 'aria-label': 'Session link' });
  const bots = sc.roles.filter((r) => seats[r.id]?.kind === 'bot').map((r) => r.name);
  const humans = sc.roles.filter((r) => seats[r.id]?.kind === 'human').map((r) => r.name);
  openDialog({
    title: 'Class session link',
    body: [
      h('p', { text: `Open this link on the classroom computer to start “${sc.title}” there with the same seats and seed.` }),
      field,
      h('ul', {},
        h('li', { text: humans.length > 0 ? `Played by teams: ${humans.join(', ')}.` : 'No team seats: bots play every role.' }),
        bots.length > 0 ? h('li', { text: `Played by bots: ${bots.join(', ')}.` }) : null,
        h('li', { text: seats.facilitator ? 'The facilitator console is on (press F in the game).' : 'No facilitator console: tick the box in the menu to add one.' })),
      h('p', { class: 'muted small', text: 'In the game, the console’s “Projector window” button shows the public view on a second screen of that computer.' }),
    ],
    buttons: [
      { label: 'Copy the link', kind: 'primary', onClick: () => { void navigator.clipboard?.writeText(url).then(() => toast('Link copied.'), () => { field.select(); toast('Select the link and copy it with Ctrl+C.'); }); return false; } },
      { label: 'Close' },
    ],
  });
  queueMicrotask(() => field.select());
}
