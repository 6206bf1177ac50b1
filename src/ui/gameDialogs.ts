import { roleName, turnLabel, type Action, type GameState, type LegalAction } from '../core';
import { openDialog, type DialogHandle } from './dialog';
import { cap, displayLabel, h, textList } from './dom';
import { pushDialog, type Shortcut } from './keys';
import { overlayRoot } from './overlay';
import { roleOf, roleTag } from './roleStyle';
import { costText } from './actionsPanel';

// The game's dialogs: confirming a move (cost and effect, and an amount where it has one), event
// cards and their choices, proposals to answer, the hotseat curtain and the help.

export function confirmAction(s: GameState, l: LegalAction, onConfirm: (action: Action) => void): DialogHandle {
  let amount = l.amount?.min ?? 0;
  const field = l.amount?.field;
  const input = l.amount
    ? h('input', {
        type: 'number', id: 'amount', min: l.amount.min, max: l.amount.max, value: l.amount.min, step: 1, inputmode: 'numeric',
        oninput: (e) => { amount = Number((e.target as HTMLInputElement).value); },
        onkeydown: (e) => { if ((e as KeyboardEvent).key === 'Enter') { e.preventDefault(); confirmButton()?.click(); } },
      })
    : null;
  const body = [
    h('p', { class: 'lead', text: l.effect }),
    h('dl', { class: 'facts' },
      h('dt', { text: 'Cost' }), h('dd', { text: costText(l) }),
      h('dt', { text: 'Budget now' }), h('dd', { text: `${s.budgets[l.action.role] ?? 0} BP` })),
    input && l.amount ? h('label', { class: 'amount', for: 'amount' }, `${field === 'lots' ? 'Lots' : 'Amount'} (${l.amount.min}–${l.amount.max})`, input) : null,
  ];
  const handle = openDialog({
    title: displayLabel(s, l),
    body,
    buttons: [
      {
        label: 'Confirm', kind: 'primary', focus: !input,
        onClick: () => {
          if (l.amount && field) {
            if (!Number.isInteger(amount) || amount < l.amount.min || amount > l.amount.max) { input?.focus(); return false; }
            onConfirm({ ...l.action, [field]: amount } as Action);
          } else onConfirm(l.action);
          return true;
        },
      },
      { label: 'Cancel' },
    ],
  });
  const confirmButton = () => handle.root.querySelector<HTMLButtonElement>('.btn-primary');
  if (input) queueMicrotask(() => { input.focus(); input.select(); });
  return handle;
}

export function cardDialog(s: GameState, cardId: string, text: string, onClose: () => void): DialogHandle {
  const card = s.scenario.deck.find((c) => c.id === cardId);
  return openDialog({
    title: card?.title ?? 'Event',
    icon: 'icons/card.svg',
    className: 'card-dialog',
    body: [
      h('p', { class: 'lead', text: card?.text ?? text }),
      card?.source ? h('p', { class: 'source', text: `Source: ${card.source}` }) : null,
    ],
    buttons: [{ label: 'Continue', kind: 'primary', onClick: () => onClose() }],
    onCancel: onClose,
  });
}

/** An event card that asks the viewer to choose: one button per option, no way round it. */
export function choiceDialog(s: GameState, legal: readonly LegalAction[], onChoose: (action: Action) => void): DialogHandle | null {
  const pending = s.pendingChoice;
  if (!pending) return null;
  const card = s.scenario.deck.find((c) => c.id === pending.card);
  return openDialog({
    title: card?.title ?? 'Event',
    icon: 'icons/card.svg',
    className: 'card-dialog',
    tag: roleTag(roleOf(s, pending.role)),
    body: [
      card ? h('p', { class: 'lead', text: card.text }) : null,
      card?.source ? h('p', { class: 'source', text: `Source: ${card.source}` }) : null,
      h('p', { class: 'prompt', text: card?.choice?.prompt ?? 'Choose:' }),
    ],
    mustChoose: true,
    buttons: legal.filter((l) => l.action.type === 'chooseEventOption').map((l, i) => ({
      label: l.label, kind: i === 0 ? 'primary' : 'secondary', onClick: () => onChoose(l.action),
    })),
  });
}

/** A proposal waiting for the viewer's answer: accept, reject, or one of the counter-offers. */
export function proposalDialog(s: GameState, proposalId: string, legal: readonly LegalAction[], onChoose: (l: LegalAction) => void, onLater: () => void): DialogHandle | null {
  const p = s.proposals.find((x) => x.id === proposalId);
  const mine = legal.filter((l) => (l.action.type === 'answerProposal' || l.action.type === 'counterProposal') && l.action.proposal === proposalId);
  if (!p || mine.length === 0) return null;
  const accept = mine.find((l) => l.action.type === 'answerProposal' && l.action.accept);
  return openDialog({
    title: `${roleName(s, p.from)} proposes`,
    icon: 'icons/agreement.svg',
    tag: roleTag(roleOf(s, p.from)),
    body: [
      h('p', { class: 'lead', text: accept?.effect ?? accept?.label ?? 'A proposal waits for your answer.' }),
      p.round > 0 ? h('p', { class: 'muted', text: `This is counter-offer number ${p.round}.` }) : null,
    ],
    buttons: mine.map((l) => ({
      label: l.action.type === 'answerProposal' ? (l.action.accept ? 'Accept' : 'Reject') : 'Counter',
      describe: l.action.type === 'counterProposal' ? l.effect : l.action.type === 'answerProposal' && !l.action.accept ? l.effect : undefined,
      kind: l.action.type === 'answerProposal' && l.action.accept ? 'primary' : 'secondary',
      onClick: () => onChoose(l),
    })),
    onCancel: onLater,
  });
}

/** The hotseat curtain: hides the board until the next player says they are ready. */
export function showCurtain(s: GameState, role: string, onReady: () => void): void {
  const r = roleOf(s, role);
  const name = roleName(s, role);
  const ready = h('button', { class: 'btn btn-primary btn-big', onclick: () => { release(); panel.remove(); onReady(); } }, `I am ${name} — show my screen`);
  const panel = h('div', { class: 'curtain', role: 'dialog', 'aria-modal': 'true', 'aria-label': `Pass the screen to ${name}` },
    h('img', { src: 'icons/emblem.svg', alt: '', class: 'curtain-emblem' }),
    h('p', { class: 'eyebrow', text: 'Hotseat' }),
    h('h1', {}, 'Pass the screen to ', roleTag(r)),
    h('p', { class: 'lead', text: 'The previous player’s private information is hidden. Press Enter when you are ready.' }),
    ready);
  const release = pushDialog(panel, null);
  overlayRoot().append(panel);
  queueMicrotask(() => ready.focus());
}

export function helpDialog(shortcuts: readonly Shortcut[]): DialogHandle {
  return openDialog({
    title: 'How to play with the keyboard',
    body: [
      h('p', { text: 'Tab and Shift+Tab move between buttons; Enter or Space presses the one in focus. Esc closes a dialog.' }),
      h('table', { class: 'keys' }, shortcuts.map(([key, description]) => h('tr', {}, h('td', {}, h('kbd', { text: key === ' ' ? 'Space' : key.toUpperCase() })), h('td', { text: description })))),
      h('h3', { text: 'Reading the board' }),
      h('ul', {},
        h('li', { text: 'A solid light ring round a region: a battery covers it fully. A dashed ring: half cover from next door.' }),
        h('li', { text: 'A dashed orange outline marked UNCOVERED: a gap left by a battery that moved away.' }),
        h('li', { text: 'Dashed arcs are air lanes; solid curves are sea lanes, marked with their transit turns.' }),
        h('li', { text: 'Each role has a colour and a pattern; both show on its regions, tokens and stockpiles.' })),
    ],
    buttons: [{ label: 'Close', kind: 'primary' }],
  });
}

/**
 * A resumed fork whose record of the original could not be used: why (where in the save), that the
 * game plays on, and the saved text to download (it is kept in this browser too, when there was room).
 */
export function originProblemDialog(reason: string, keptInBrowser: boolean, onDownload: () => void): DialogHandle {
  return openDialog({
    title: 'The original game could not be restored',
    body: [
      h('p', { class: 'lead', text: 'Your game is resumed exactly where it was. It was forked from a replay, but the saved copy of that original replay is damaged, so it cannot be compared or saved from here.' }),
      h('p', { text: `What is wrong: ${cap(reason)}.` }),
      h('p', { class: 'muted', text: keptInBrowser
        ? 'The damaged save is kept in this browser: the main menu offers it for download until you discard it.'
        : 'There was no room to keep the damaged save in this browser: download it now if you want to keep it.' }),
    ],
    buttons: [
      { label: 'Download the damaged save', onClick: () => { onDownload(); return false; } },
      { label: 'Go on with the game', kind: 'primary', focus: true },
    ],
  });
}

/** The viewer's own objectives (private in hotseat: only the seat on screen sees its own). */
export function objectivesDialog(s: GameState, viewer: string): DialogHandle {
  const role = roleOf(s, viewer);
  const mine = s.scenario.objectives.filter((o) => o.owner === viewer || o.owner === role?.side);
  return openDialog({
    title: 'Your objectives',
    tag: roleTag(role),
    body: [
      role ? textList(role.briefing.goals, { class: 'goals' }) : null,
      mine.length > 0 ? h('ul', { class: 'objectives' }, mine.map((o) => h('li', {}, h('span', { class: 'points', text: o.points }), ` ${o.text}`,
        o.byTurn ? ` (by ${turnLabel(s, o.byTurn)})` : '', o.hidden ? h('em', { text: ' (secret)' }) : null))) : null,
    ],
    buttons: [{ label: 'Close', kind: 'primary' }],
  });
}

export function leaveDialog(onLeave: () => void, saved = false): DialogHandle {
  return openDialog({
    title: 'Leave this game?',
    body: h('p', { class: 'lead', text: saved
      ? 'The game is saved in this browser after every action: “Resume” in the main menu brings it back. Starting a new game replaces the save.'
      : 'This browser is not saving the game: leaving ends it. The seed and the set-up stay in the menu.' }),
    buttons: [{ label: 'Stay', kind: 'primary' }, { label: 'Leave to the menu', kind: 'danger', onClick: () => onLeave() }],
  });
}
