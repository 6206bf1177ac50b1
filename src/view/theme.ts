// One palette for the whole game: a dark situation-room board and the Okabe–Ito set for roles,
// which stays distinguishable for the common forms of colour blindness.
export const palette = {
  background: 0x0f1722,
  panel: 0x1a2636,
  panelEdge: 0x2c3e55,
  text: '#e8eef5',
  textMuted: '#9fb0c3',
  accent: '#e6b84a',
  accentHex: 0xe6b84a,
  focus: '#56b4e9',
  focusHex: 0x56b4e9,
} as const;

export const roleColours = [0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7] as const;

export const fonts = {
  family: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  title: '56px',
  heading: '28px',
  body: '20px',
  small: '16px',
} as const;
