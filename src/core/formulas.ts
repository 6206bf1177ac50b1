// Reference formulas for Forge & Shield (DESIGN §7, DOMAIN part b). Pure, deterministic, no imports.

const clamp = (v: number, lo: number, hi: number): number =>
  // NaN (e.g. 0/0) counts as "no effect", so it maps to the lower bound.
  Number.isNaN(v) ? lo : Math.min(hi, Math.max(lo, v));

// ---------------------------------------------------------------- b1 barrage

/** b1: P(leak) for an n-shot barrage; r = interceptor reliability, q = detection/tracking chance. */
export function barrageLeak(p: number, n: number, reliability = 1, detection = 1): number {
  return 1 - detection * (1 - (1 - reliability * p) ** n);
}

// ------------------------------------------------------- b2 shoot-look-shoot

/** b2: P(leak) when n1 shots are fired, then n2 more (with probability t of time for a second look). */
export function shootLookShootLeak(p: number, n1: number, n2: number, lookChance = 1): number {
  return (1 - p) ** n1 * (1 - lookChance + lookChance * (1 - p) ** n2);
}

/** b2: expected interceptors used; the second stage is only fired at survivors. */
export function shootLookShootExpectedShots(p: number, n1: number, n2: number, lookChance = 1): number {
  return n1 + lookChance * n2 * (1 - p) ** n1;
}

// ------------------------------------------------------------------ b3 raids

/** b3: P(no threat of N leaks) when each is engaged with n shots. */
export function raidNoLeakerProbability(p: number, n: number, N: number): number {
  return (1 - (1 - p) ** n) ** N;
}

/** b3: expected leakers from N threats, n shots each. */
export function raidExpectedLeakers(p: number, n: number, N: number): number {
  return N * (1 - p) ** n;
}

/**
 * b3: expected leakers when S interceptors are spread evenly over N threats:
 * k = ⌊S/N⌋ shots each, m = S − kN threats get one extra. Applies for any S ≥ 0
 * (with S = N·n it equals raidExpectedLeakers). Returns 0 for N ≤ 0 (no raid).
 */
export function shortStockpileExpectedLeakers(p: number, N: number, S: number): number {
  if (N <= 0) return 0;
  const k = Math.floor(S / N);
  const m = S - k * N;
  return (N - m) * (1 - p) ** k + m * (1 - p) ** (k + 1);
}

// -------------------------------------------------------------- b4 stockpile

export interface StockpileSeries {
  /** S_0 … S_T (length requested.length + 1). */
  stock: number[];
  /** Interceptors actually fired each turn. */
  fired: number[];
}

/**
 * b4: fired_t = min(requested_t, S_t); S_{t+1} = S_t − fired_t + ordered_{t−L}.
 * A delivery arriving at turn t cannot be fired that turn (it lands after the shooting).
 */
export function stockpileSeries(
  S0: number,
  requested: readonly number[],
  ordered: readonly number[],
  leadTime: number,
): StockpileSeries {
  const stock = [S0];
  const fired: number[] = [];
  let s = S0;
  requested.forEach((req, t) => {
    const shot = Math.max(0, Math.min(req, s));
    const delivered = t - leadTime >= 0 ? (ordered[t - leadTime] ?? 0) : 0;
    s = s - shot + delivered;
    fired.push(shot);
    stock.push(s);
  });
  return { stock, fired };
}

// ---------------------------------------------------------- b5 cost exchange

/**
 * b5: CER = interceptor spend / total threat cost (threats × threat unit cost).
 * Returns 0 when nothing was fired or the threats cost nothing (ratio undefined; "no exchange").
 */
export function costExchangeRatio(
  interceptorsFired: number,
  interceptorUnitCost: number,
  threatCosts: number,
): number {
  if (interceptorsFired <= 0 || threatCosts <= 0) return 0;
  return (interceptorsFired * interceptorUnitCost) / threatCosts;
}

// ------------------------------------------------------------ b6 Hughes salvo

export interface SalvoInput {
  A: number;
  B: number;
  /** Well-aimed missiles per A unit / per B unit. */
  alpha: number;
  beta: number;
  /** Staying power: hits to put one A / B unit out of action (must be > 0). */
  a1: number;
  b1: number;
  /** Defensive power: incoming missiles destroyed per A / B unit. */
  a3: number;
  b3: number;
}

export interface SalvoResult {
  lossesA: number;
  lossesB: number;
  rawLossesA: number;
  rawLossesB: number;
}

/** b6: one simultaneous salvo exchange; losses clipped to [0, A] and [0, B]. */
export function salvoExchange({ A, B, alpha, beta, a1, b1, a3, b3 }: SalvoInput): SalvoResult {
  const rawLossesB = (alpha * A - b3 * B) / b1;
  const rawLossesA = (beta * B - a3 * A) / a1;
  return {
    lossesA: clamp(rawLossesA, 0, A),
    lossesB: clamp(rawLossesB, 0, B),
    rawLossesA,
    rawLossesB,
  };
}

// ------------------------------------------------------- b8 Richardson race

export interface RichardsonState {
  x: number;
  y: number;
}

export interface RichardsonCoeffs {
  /** Reaction to the rival's arms. */
  k: number;
  l: number;
  /** Fatigue / cost of one's own arms. */
  a: number;
  b: number;
  /** Standing grievance. */
  g: number;
  h: number;
}

/** b8: one discrete step, both sides update simultaneously. */
export function richardsonStep({ x, y }: RichardsonState, { k, l, a, b, g, h }: RichardsonCoeffs): RichardsonState {
  return { x: x + k * y - a * x + g, y: y + l * x - b * y + h };
}

/** b8: the start state followed by `steps` updates (length steps + 1; index t = state at t). */
export function richardsonSeries(start: RichardsonState, coeffs: RichardsonCoeffs, steps: number): RichardsonState[] {
  const out = [start];
  let s = start;
  for (let t = 0; t < steps; t++) {
    s = richardsonStep(s, coeffs);
    out.push(s);
  }
  return out;
}

/**
 * b8: fixed point and stability (a·b > k·l). When a·b = k·l there is no finite
 * fixed point and x, y are Infinity; when a·b < k·l the point exists but repels.
 */
export function richardsonEquilibrium({ k, l, a, b, g, h }: RichardsonCoeffs): RichardsonState & { stable: boolean } {
  const det = a * b - k * l;
  if (det === 0) return { x: Infinity, y: Infinity, stable: false };
  return { x: (b * g + k * h) / det, y: (a * h + l * g) / det, stable: det > 0 };
}

// -------------------------------------------------------------- b7 Lanchester

export interface LanchesterInput {
  A0: number;
  B0: number;
  /** Kills per A unit per unit time, and per B unit. */
  alpha: number;
  beta: number;
}

export type Winner = 'A' | 'B' | 'draw';

export interface LanchesterResult {
  winner: Winner;
  /** Winner's survivors (0 on a draw). */
  survivors: number;
  /** Time for the winner to annihilate the loser (Infinity on a draw). */
  timeToAnnihilate: number;
}

// Time for side W (kill rate kw, size w0) to wipe out side L (kill rate kl, size l0) under the square law.
function annihilationTime(kw: number, kl: number, w0: number, l0: number): number {
  if (l0 <= 0) return 0;
  if (kl === 0) return l0 / (kw * w0); // loser cannot shoot back: linear attrition
  return Math.atanh(Math.sqrt(kl / kw) * (l0 / w0)) / Math.sqrt(kw * kl);
}

/** b7: closed-form square law (aimed fire); A wins iff α·A0² > β·B0². */
export function lanchesterSquare({ A0, B0, alpha, beta }: LanchesterInput): LanchesterResult {
  const strengthA = alpha * A0 * A0;
  const strengthB = beta * B0 * B0;
  if (strengthA > strengthB) {
    return {
      winner: 'A',
      survivors: Math.sqrt((strengthA - strengthB) / alpha),
      timeToAnnihilate: annihilationTime(alpha, beta, A0, B0),
    };
  }
  if (strengthB > strengthA) {
    return {
      winner: 'B',
      survivors: Math.sqrt((strengthB - strengthA) / beta),
      timeToAnnihilate: annihilationTime(beta, alpha, B0, A0),
    };
  }
  // Equal strength: both decay towards 0 without reaching it (or nobody can fire at all).
  return { winner: 'draw', survivors: 0, timeToAnnihilate: Infinity };
}

export interface LanchesterDiscreteResult extends LanchesterResult {
  /** Final force sizes. */
  A: number;
  B: number;
  /** Steps taken; false `finished` means maxSteps ran out first (winner is then 'draw'). */
  steps: number;
  finished: boolean;
}

/** b7: discrete square law A' = max(0, A − β·B·dt), B' = max(0, B − α·A·dt), simultaneous, until a side is 0. */
export function lanchesterDiscrete(
  { A0, B0, alpha, beta }: LanchesterInput,
  dt: number,
  maxSteps = 1_000_000,
): LanchesterDiscreteResult {
  let A = Math.max(0, A0);
  let B = Math.max(0, B0);
  let steps = 0;
  while (A > 0 && B > 0 && steps < maxSteps) {
    const nextA = Math.max(0, A - beta * B * dt);
    const nextB = Math.max(0, B - alpha * A * dt);
    A = nextA;
    B = nextB;
    steps++;
  }
  const finished = A <= 0 || B <= 0;
  const winner: Winner = !finished || (A <= 0 && B <= 0) ? 'draw' : A > 0 ? 'A' : 'B';
  const survivors = winner === 'A' ? A : winner === 'B' ? B : 0;
  return { winner, survivors, timeToAnnihilate: finished ? steps * dt : Infinity, A, B, steps, finished };
}

// ---------------------------------------------------------- interoperability

/** Many Hands: combined-defence multiplier 0.6 + 0.08·interop; interop is a 0–5 track, so it is clamped. */
export function interoperabilityMultiplier(interop: number): number {
  return 0.6 + 0.08 * clamp(interop, 0, 5);
}
