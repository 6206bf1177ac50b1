import type { GameState, Pattern, Role } from '../core';
import { h } from './dom';

// A role's colour with its pattern as the second cue, as CSS backgrounds for the DOM panels.

const INK = 'rgba(11,18,27,0.75)';

export function patternCss(pattern: Pattern, colour: string): string {
  switch (pattern) {
    case 'solid': return colour;
    case 'stripes': return `repeating-linear-gradient(135deg, ${colour} 0 5px, ${INK} 5px 8px)`;
    case 'dots': return `radial-gradient(circle, ${INK} 2px, transparent 2.5px) 0 0 / 8px 8px, ${colour}`;
    case 'cross': return `linear-gradient(${INK}, ${INK}) center / 2px 100% no-repeat, linear-gradient(${INK}, ${INK}) center / 100% 2px no-repeat, ${colour}`;
    case 'waves': return `repeating-radial-gradient(circle at 0 100%, ${colour} 0 4px, ${INK} 4px 6px)`;
    case 'checks': return `repeating-conic-gradient(${colour} 0 25%, ${INK} 0 50%) 0 0 / 10px 10px`;
    case 'rings': return `radial-gradient(circle, transparent 2px, ${INK} 2.5px 3.5px, transparent 4px) 0 0 / 10px 10px, ${colour}`;
  }
}

export function roleOf(s: GameState | { scenario: { roles: Role[] } }, id: string): Role | undefined {
  return s.scenario.roles.find((r) => r.id === id);
}

/** Short role names where space is tight ("US" for "US commander"). */
export const shortName = (name: string): string => name.replace(/ (commander|partner|cell)$/i, '');

/** A swatch of the role's colour and pattern, hidden from screen readers (the name says it). */
export function swatch(role: Pick<Role, 'colour' | 'pattern'> | undefined, size: 'sm' | 'md' | 'lg' | 'sm blank' = 'md'): HTMLElement {
  const el = h('span', { class: `swatch swatch-${size}`, 'aria-hidden': 'true' });
  if (role) el.style.background = patternCss(role.pattern, role.colour);
  return el;
}

/** A log line's mark: the role's small swatch, or a blank one for lines of no role. */
export const lineSwatch = (role: Pick<Role, 'colour' | 'pattern'> | undefined): HTMLElement =>
  swatch(role, role ? 'sm' : 'sm blank');

/** The role's name with its swatch. */
export function roleTag(role: Pick<Role, 'colour' | 'pattern' | 'name'> | undefined, fallback = ''): HTMLElement {
  return h('span', { class: 'role-tag' }, swatch(role, 'sm'), h('span', { text: role?.name ?? fallback }));
}
