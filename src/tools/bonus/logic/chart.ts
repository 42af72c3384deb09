import type { CurvePoint } from '../../../core/policy-types';

/** Geometry of the small bonus-curve chart (inline SVG, no chart library). */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly padding: number;
}

export interface CurveChart {
  /** SVG path of the curve, "M x y L x y …". */
  readonly path: string;
  readonly maxScore: number;
  readonly maxCoefficient: number;
  /** Maps a (score, coefficient) point to SVG coordinates. */
  readonly at: (score: number, coefficient: number) => { x: number; y: number };
  /** Tick marks along each axis. */
  readonly scoreTicks: readonly number[];
  readonly coefficientTicks: readonly number[];
}

function niceStep(max: number, count: number): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return step ?? raw;
}

export function curveChart(curve: readonly CurvePoint[], box: ChartBox): CurveChart {
  const points = [...curve].sort((a, b) => a.score - b.score);
  const maxScore = Math.max(1, ...points.map((p) => p.score));
  const maxCoefficient = Math.max(0.1, ...points.map((p) => p.coefficient));
  const innerW = box.width - box.padding * 2;
  const innerH = box.height - box.padding * 2;
  const at = (score: number, coefficient: number) => ({
    x: box.padding + (Math.min(Math.max(score, 0), maxScore) / maxScore) * innerW,
    y: box.padding + innerH - (Math.min(Math.max(coefficient, 0), maxCoefficient) / maxCoefficient) * innerH,
  });
  const round = (n: number) => Math.round(n * 10) / 10;
  const path = points
    .map((p, i) => {
      const { x, y } = at(p.score, p.coefficient);
      return `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`;
    })
    .join(' ');
  const ticks = (max: number, count: number) => {
    const step = niceStep(max, count);
    const out: number[] = [];
    for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
    return out;
  };
  return {
    path,
    maxScore,
    maxCoefficient,
    at,
    scoreTicks: ticks(maxScore, 6),
    coefficientTicks: ticks(maxCoefficient, 4),
  };
}
