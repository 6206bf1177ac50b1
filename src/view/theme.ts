// One palette for the whole game: a dark situation-room board and the Okabe–Ito set for roles,
// which stays distinguishable for the common forms of colour blindness.
export const palette = {
  background: 0x0b121b,
  board: 0x0f1924,
  grid: 0x17283a,
  panelRaised: 0x1c2a3b,
  panelEdge: 0x2f445d,
  text: '#e8eef5',
  textMuted: '#9fb0c3',
  mutedHex: 0x9fb0c3,
  accent: '#e6b84a',
  accentHex: 0xe6b84a,
  focusHex: 0xffffff,
  /** Air-defence cover: a neutral light teal, apart from every role colour. */
  shield: 0xbfe6df,
  /** Gaps, leakers and danger: Okabe–Ito vermillion, always paired with a word or a hatch. */
  danger: 0xd55e00,
  dangerText: '#ff9a5a',
  calm: 0x5b7f95,
  warm: 0xe0a040,
  threat: 0xff8a3d,
  interceptor: 0xbfe6df,
} as const;

export const roleColours = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7] as const;

export const fonts = {
  family: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  heading: '28px',
} as const;

/** '#E69F00' → 0xe69f00 */
export const hexColour = (css: string): number => Number.parseInt(css.replace('#', ''), 16);

/** Tension from calm to red, always shown with its number beside it. */
export function tensionColour(value: number): number {
  if (value >= 7) return palette.danger;
  if (value >= 4) return palette.warm;
  return palette.calm;
}

/** Animation time scale: 1 normal, smaller is faster, 0 skips animations. */
export type Speed = 'normal' | 'fast' | 'skip';
export const SPEED_SCALE: Record<Speed, number> = { normal: 1, fast: 0.4, skip: 0 };
