import { h } from './dom';

// Line and bar charts as SVG for the debrief. Colour is never the only cue: each series has its own
// dash pattern and marker shape, and a legend names it; both axes carry labels.

const SVG = 'http://www.w3.org/2000/svg';
export const SERIES_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#FFFFFF'];
const DASHES = ['', '9 5', '3 4', '12 4 3 4', '6 3', '1 3'];
export const dashFor = (style: number): string => DASHES[style % DASHES.length]!;

export interface Series { name: string; values: (number | null)[]; colour: string; style: number }
export interface ChartOptions {
  title: string;
  yLabel: string;
  /** One label per point on the x axis (turn numbers). */
  x: (string | number)[];
  series: Series[];
  yMin?: number;
  yMax?: number;
  width?: number;
  height?: number;
  /** Counts: no tick between whole numbers. */
  integer?: boolean;
}

function el(tag: string, attrs: Record<string, string | number>, text?: string | number): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  if (text !== undefined) e.textContent = text as string;
  return e;
}

/** A series' marker by its style, six shapes in turn: circle, square, triangle, diamond, cross, triangle down. */
function marker(style: number, x: number, y: number, colour: string): SVGElement {
  const r = 4.5;
  const common = { fill: colour, stroke: '#0b121b', 'stroke-width': 1.2 };
  switch (style % 6) {
    case 0: return el('circle', { cx: x, cy: y, r, ...common });
    case 1: return el('rect', { x: x - r, y: y - r, width: r * 2, height: r * 2, ...common });
    case 2: return el('path', { d: `M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z`, ...common });
    case 3: return el('path', { d: `M${x} ${y - r - 1.5}L${x + r + 1.5} ${y}L${x} ${y + r + 1.5}L${x - r - 1.5} ${y}Z`, ...common });
    case 4: return el('path', { d: `M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}`, stroke: colour, 'stroke-width': 3 });
    default: return el('path', { d: `M${x} ${y + r + 1}L${x + r + 1} ${y - r}L${x - r - 1} ${y - r}Z`, ...common });
  }
}

/** A small line-and-marker sample of a series, for legends. */
export function seriesKey(s: Pick<Series, 'colour' | 'style'>): SVGElement {
  const svg = el('svg', { width: 34, height: 14, viewBox: '0 0 34 14', 'aria-hidden': 'true', class: 'series-key' });
  svg.append(el('line', { x1: 1, y1: 7, x2: 33, y2: 7, stroke: s.colour, 'stroke-width': 3, 'stroke-dasharray': dashFor(s.style) }));
  svg.append(marker(s.style, 17, 7, s.colour));
  return svg;
}

/** About five ticks. */
function niceTicks(min: number, max: number, integer = false): number[] {
  if (max <= min) max = min + 1;
  const raw = (max - min) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const step = integer ? Math.max(1, Math.round(nice)) : nice;
  const out: number[] = [];
  // Ticks run from at or below the smallest value to at or above the largest, so no line leaves the plot.
  for (let v = Math.floor(min / step) * step; v < max + step * 0.999; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

export function lineChart(o: ChartOptions): HTMLElement {
  const width = o.width ?? 560;
  const height = o.height ?? 230;
  const pad = { left: 62, right: 16, top: 12, bottom: 44 };
  const values = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const ticks = niceTicks(o.yMin ?? Math.min(0, ...values), o.yMax ?? Math.max(1, ...values), o.integer);
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const n = Math.max(1, o.x.length - 1);
  const px = (i: number) => pad.left + (o.x.length === 1 ? plotW / 2 : (i / n) * plotW);
  const py = (v: number) => pad.top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `${o.title}. `, class: 'chart' });
  for (const t of ticks) {
    svg.append(el('line', { x1: pad.left, x2: width - pad.right, y1: py(t), y2: py(t), class: 'grid' }));
    svg.append(el('text', { x: pad.left - 8, y: py(t) + 5, 'text-anchor': 'end', class: 'tick' }, fmt(t)));
  }
  const every = o.x.length > 16 ? 2 : 1;
  o.x.forEach((label, i) => {
    if (i % every !== 0 && i !== o.x.length - 1) return;
    svg.append(el('text', { x: px(i), y: height - pad.bottom + 18, 'text-anchor': 'middle', class: 'tick' }, label));
  });
  svg.append(el('line', { x1: pad.left, x2: pad.left, y1: pad.top, y2: pad.top + plotH, class: 'axis' }));
  svg.append(el('line', { x1: pad.left, x2: width - pad.right, y1: pad.top + plotH, y2: pad.top + plotH, class: 'axis' }));
  svg.append(el('text', { x: pad.left + plotW / 2, y: height - 6, 'text-anchor': 'middle', class: 'axis-label' }, 'Turn'));
  svg.append(el('text', { x: 14, y: pad.top + plotH / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${pad.top + plotH / 2})`, class: 'axis-label' }, o.yLabel));
  const offsets = dodgeOffsets(o.series.map((s) => s.values));
  o.series.forEach((s, k) => {
    const dy = offsets[k]!;
    let d = '';
    s.values.forEach((v, i) => {
      if (v === null) return;
      d += `${d === '' || s.values[i - 1] === null ? 'M' : 'L'}${px(i).toFixed(1)} ${(py(v) + dy[i]!).toFixed(1)}`;
    });
    svg.append(el('path', { d, fill: 'none', stroke: s.colour, 'stroke-width': 2.6, 'stroke-dasharray': dashFor(s.style), 'stroke-linejoin': 'round' }));
    s.values.forEach((v, i) => {
      if (v === null) return;
      const m = marker(s.style, px(i), py(v) + dy[i]!, s.colour);
      m.append(el('title', {}, `${s.name}, turn ${o.x[i] ?? i + 1}: ${fmt(v)}`));
      svg.append(m);
    });
  });
  const twins = sameAs(o.series);
  const legend = h('ul', { class: 'chart-legend' }, o.series.map((s, k) => {
    const twin = twins[k];
    return h('li', {}, seriesKey(s), twin ? `${s.name} (same as ${twin} every turn)` : s.name);
  }));
  return h('figure', { class: 'chart-figure' }, h('figcaption', { text: o.title }), svg, legend);
}

/** Pixels between two series drawn over the same value, so each line and marker stays visible. */
export const DODGE_PX = 4;

/**
 * Vertical pixel offsets per series and point: series with the same value at a point are spread
 * around it, DODGE_PX apart, in series order (a lone value stays where it is). Lines that run
 * together for several turns therefore run side by side instead of hiding each other.
 */
export function dodgeOffsets(values: readonly (readonly (number | null)[])[]): number[][] {
  const out = values.map((v) => v.map(() => 0));
  const points = Math.max(0, ...values.map((v) => v.length));
  for (let i = 0; i < points; i++) {
    const groups = new Map<number, number[]>();
    values.forEach((v, k) => {
      const value = v[i];
      if (value === null || value === undefined) return;
      const group = groups.get(value);
      if (group) group.push(k); else groups.set(value, [k]);
    });
    for (const group of groups.values()) {
      // Screen y grows downwards: the first series sits on top.
      group.forEach((k, rank) => { out[k]![i] = (rank - (group.length - 1) / 2) * DODGE_PX; });
    }
  }
  return out;
}

/** For each series, the name of an earlier one with the very same values at every point (or null). */
export function sameAs(series: readonly Pick<Series, 'name' | 'values'>[]): (string | null)[] {
  return series.map((s, k) => {
    const twin = series.slice(0, k).find((t) => t.values.length === s.values.length && t.values.every((v, i) => v === s.values[i]));
    return twin ? twin.name : null;
  });
}

export interface Bar { label: string; from: number; to: number; colour: string; style: number; text: string }

/** Agreements (or anything with a span of turns) as horizontal bars over a turn axis. */
export function spanChart(title: string, turns: number, bars: readonly Bar[]): HTMLElement {
  const width = 1100;
  const row = 30;
  const pad = { left: 420, right: 16, top: 8, bottom: 40 };
  const height = pad.top + pad.bottom + Math.max(1, bars.length) * row;
  const plotW = width - pad.left - pad.right;
  const px = (t: number) => pad.left + ((t - 1) / Math.max(1, turns)) * plotW;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title, class: 'chart span-chart' });
  for (let t = 1; t <= turns + 1; t++) {
    svg.append(el('line', { x1: px(t), x2: px(t), y1: pad.top, y2: height - pad.bottom, class: 'grid' }));
    if (t <= turns) svg.append(el('text', { x: px(t) + (px(t + 1) - px(t)) / 2, y: height - pad.bottom + 18, 'text-anchor': 'middle', class: 'tick' }, t));
  }
  svg.append(el('text', { x: pad.left + plotW / 2, y: height - 6, 'text-anchor': 'middle', class: 'axis-label' }, 'Turn'));
  bars.forEach((b, i) => {
    const y = pad.top + i * row;
    svg.append(el('text', { x: pad.left - 10, y: y + row / 2 + 5, 'text-anchor': 'end', class: 'bar-label' }, b.label));
    const x1 = px(b.from);
    const x2 = px(b.to + 1);
    svg.append(el('rect', { x: x1 + 1, y: y + 4, width: Math.max(4, x2 - x1 - 2), height: row - 8, rx: 5, fill: b.colour, stroke: '#0b121b', 'stroke-width': 1, 'fill-opacity': b.style % 2 === 0 ? 1 : 0.55 }));
    svg.append(el('text', { x: x1 + 8, y: y + row / 2 + 5, class: 'bar-text' }, b.text));
  });
  return h('figure', { class: 'chart-figure wide' }, h('figcaption', { text: title }), svg);
}

export interface GraphNode { id: string; name: string; colour: string }
export interface GraphEdge { a: string; b: string; label: string; style: number }

/** Who had which agreement at one turn: roles on a circle, one labelled line per agreement. */
export function allianceGraph(title: string, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): HTMLElement {
  const size = 380;
  const cx = size / 2;
  const cy = size / 2;
  const radius = size / 2 - 70;
  const at = new Map(nodes.map((n, i) => {
    const angle = -Math.PI / 2 + (i / nodes.length) * Math.PI * 2;
    return [n.id, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) }];
  }));
  const svg = el('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: 'img', 'aria-label': `${title}: ${edges.length === 0 ? 'no agreements' : edges.map((e) => e.label).join('; ')}`, class: 'chart graph' });
  const pairCount = new Map<string, number>();
  for (const e of edges) {
    const p = at.get(e.a);
    const q = at.get(e.b);
    if (!p || !q) continue;
    const key = [e.a, e.b].sort().join('+');
    const k = pairCount.get(key) ?? 0;
    pairCount.set(key, k + 1);
    // Several agreements between one pair bow apart so each stays visible.
    const bend = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 26;
    const mx = (p.x + q.x) / 2;
    const my = (p.y + q.y) / 2;
    const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const nx = -(q.y - p.y) / len;
    const ny = (q.x - p.x) / len;
    const c = { x: mx + nx * bend * 2, y: my + ny * bend * 2 };
    svg.append(el('path', { d: `M${p.x} ${p.y}Q${c.x} ${c.y} ${q.x} ${q.y}`, fill: 'none', class: 'edge', 'stroke-dasharray': dashFor(e.style) }));
  }
  for (const n of nodes) {
    const p = at.get(n.id)!;
    // Named beside it, so no series marker (one drawn here sat hidden under the circle).
    svg.append(el('circle', { cx: p.x, cy: p.y, r: 15, fill: n.colour, stroke: '#ffffff', 'stroke-width': 2 }));
    const below = p.y > cy;
    svg.append(el('text', { x: p.x, y: p.y + (below ? 36 : -24), 'text-anchor': 'middle', class: 'node-label' }, n.name));
  }
  return h('figure', { class: 'chart-figure graph-figure' }, h('figcaption', { text: title }), svg);
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : Math.abs(n) >= 10 ? n.toFixed(0) : n.toFixed(1));
