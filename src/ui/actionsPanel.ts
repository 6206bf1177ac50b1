import { phaseName, roleName, type Action, type ActionType, type GameState, type LegalAction } from '../core';
import { displayLabel, fmt, h } from './dom';
import { roleTag, roleOf } from './roleStyle';

// The side panel's list of moves: exactly what legalActions offers the viewer now, grouped, each
// with its cost and effect in view. Choosing one opens a confirmation; "End my step" is its own button.

/** [title, the action types under it] */
const GROUPS: [string, ActionType[]][] = [
  ['Event choice', ['chooseEventOption']],
  ['Proposals to answer', ['answerProposal', 'counterProposal']],
  ['Propose an agreement', ['proposeAgreement']],
  ['Diplomacy', ['holdExercise', 'reassureAlly', 'breakAgreement']],
  ['Production', ['fundLine', 'surgeLine', 'improveQuality', 'startTechStep', 'startProject', 'repairRegion']],
  ['Orders and deliveries', ['orderInterceptors', 'transferStock']],
  ['Move a battery', ['orderRedeploy']],
  ['Half cover', ['setHalfCover']],
  ['Firing doctrine', ['setDoctrine']],
  ['Threats', ['launchWave', 'launchProvocation']],
  ['Moves', ['playMove']],
];

export interface ActionsPanelHandlers {
  onChoose(legal: LegalAction): void;
  onEnd(legal: LegalAction): void;
  onPreview(action: Action | null): void;
}

export function renderActions(el: HTMLElement, s: GameState, phase: GameState['phase'], viewer: string | null, actor: string | null, legal: readonly LegalAction[], busy: boolean, isBot: (r: string) => boolean, handlers: ActionsPanelHandlers): void {
  el.replaceChildren();
  const hint = s.scenario.phaseHints[phase];
  const title = busy ? ['What happens now'] : viewer && actor === viewer ? ['Your step · ', roleTag(roleOf(s, viewer))] : stepTitle(s, actor, isBot);
  el.append(h('div', { class: 'step-card' },
    h('h2', { class: 'step-title' }, title),
    h('p', { class: 'step-phase' }, h('b', { text: `${phaseName(phase)} phase. ` }), hint ?? ''),
    viewer ? h('p', { class: 'step-budget' }, 'Budget ', h('b', { class: 'big-num', text: fmt(s.budgets[viewer] ?? 0) }), ' BP', (s.workforce[viewer] ?? 0) > 0 ? ` · workforce ${s.workforce[viewer]}` : '') : null));
  const list = h('div', { class: 'action-list', role: 'group', 'aria-label': 'What you can do' });
  const end = legal.find((l) => l.action.type === 'endPhase');
  const acting = legal.filter((l) => l.action.type !== 'endPhase');
  // Why there is nothing to choose, when there is not.
  const waiting = s.paused && !s.outcome ? 'The facilitator has paused the game. Play goes on when they resume it.'
    : busy ? 'Watch the board and the log; your choices come back when it has caught up.'
    : viewer === null || actor !== viewer ? (actor && isBot(actor) ? `${roleName(s, actor)} is thinking. Watch the board and the log.` : 'Waiting…')
    : acting.length === 0 ? 'Nothing more to do in this phase: end your step.' : null;
  if (waiting) list.append(h('p', { class: 'muted waiting', text: waiting }));
  else {
    for (const [title, types] of GROUPS) {
      const items = acting.filter((l) => types.includes(l.action.type));
      if (items.length === 0) continue;
      list.append(h('h3', { class: 'group-title', text: title }));
      for (const l of items) list.append(actionButton(s, l, handlers));
    }
  }
  el.append(list);
  // Nobody at this screen takes steps (every seat is a bot): there is no step to end.
  if (viewer === null) return;
  const endButton = h('button', {
    class: 'btn btn-primary btn-end', id: 'end-step',
    disabled: !end || busy || actor !== viewer,
    title: end?.effect ?? '',
    onclick: () => { if (end) handlers.onEnd(end); },
  }, h('span', { class: 'btn-label', text: 'End my step' }), h('kbd', { text: 'E' }));
  el.append(endButton);
}

function actionButton(s: GameState, l: LegalAction, handlers: ActionsPanelHandlers): HTMLElement {
  const preview = () => handlers.onPreview(l.action);
  const unpreview = () => handlers.onPreview(null);
  return h('button', { class: 'action', 'data-action': l.action.type, onclick: () => handlers.onChoose(l), onfocus: preview, onmouseenter: preview, onblur: unpreview, onmouseleave: unpreview },
    h('span', { class: 'action-top' },
      h('span', { class: 'action-label', text: displayLabel(s, l) }),
      h('span', { class: `cost${l.cost > 0 ? '' : ' free'}`, text: costText(l) })),
    h('span', { class: 'action-effect', text: l.effect }));
}

export function costText(l: LegalAction): string {
  if (l.cost <= 0) return 'free';
  return l.amount ? `${fmt(l.cost)} BP each` : `${fmt(l.cost)} BP`;
}

function stepTitle(s: GameState, actor: string | null, isBot: (r: string) => boolean): (string | HTMLElement)[] {
  if (s.outcome) return ['The game is over'];
  if (s.paused) return ['Paused by the facilitator'];
  if (!actor) return ['The rules are running'];
  return [roleTag(roleOf(s, actor)), isBot(actor) ? ' (bot) is on step' : ' is on step'];
}

/** The regions an action is about, for the board to highlight while it is focused. */
export function actionRegions(s: GameState, action: Action | null): string[] {
  if (!action) return [];
  const a = action as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ['to', 'region', 'target'] as const) {
    const v = a[key];
    if (typeof v === 'string' && s.scenario.regions.some((r) => r.id === v)) out.push(v);
  }
  if (typeof a.battery === 'string') {
    const b = s.batteries.find((x) => x.id === a.battery);
    if (b) out.push(b.region);
  }
  if (typeof a.line === 'string') {
    const line = s.lines.find((x) => x.id === a.line);
    if (line) out.push(line.region);
  }
  return out;
}

