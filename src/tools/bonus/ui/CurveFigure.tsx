// The coefficient curve of 四（三）1 as a small SVG chart, with the reader's point marked.
import { useMemo } from 'preact/hooks';
import { formatNumber } from '../../../core/format';
import type { BonusPolicy } from '../../../core/policy-types';
import { curveChart } from '../logic/chart';
import { formatCoefficient } from '../logic/formula';
import type { BonusStrings } from './strings';

type S = BonusStrings;
const CHART = { width: 360, height: 200, padding: 34 } as const;

export function CurveFigure(props: {
  policy: BonusPolicy;
  score: number | null;
  coefficient: number | null;
  s: S;
  t: (key: keyof S, values?: Record<string, string | number>) => string;
}) {
  const { policy, score, coefficient, s, t } = props;
  const chart = useMemo(() => curveChart(policy.curve, CHART), [policy]);
  const points = policy.curve
    .map((p) =>
      t('chart.point', { score: formatNumber(p.score), coefficient: formatCoefficient(p.coefficient) }),
    )
    .join('，');
  const you = score !== null && coefficient !== null ? chart.at(score, coefficient) : null;
  const origin = chart.at(0, 0);
  const label =
    t('chart.label', { points }) +
    (score !== null && coefficient !== null
      ? t('chart.you', { score: formatNumber(score), coefficient: formatCoefficient(coefficient) })
      : '');
  return (
    <figure class="bn-figure">
      <svg class="bn-chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={label}>
        {chart.coefficientTicks.map((v) => {
          const a = chart.at(0, v);
          return (
            <g key={`c${v}`}>
              <line x1={a.x} x2={chart.at(chart.maxScore, v).x} y1={a.y} y2={a.y} class="bn-grid" />
              <text x={a.x - 6} y={a.y + 4} text-anchor="end" class="bn-tick">
                {v}
              </text>
            </g>
          );
        })}
        {chart.scoreTicks.map((v) => {
          const a = chart.at(v, 0);
          return (
            <text key={`s${v}`} x={a.x} y={a.y + 16} text-anchor="middle" class="bn-tick">
              {v}
            </text>
          );
        })}
        <text x={CHART.width - 4} y={CHART.height - 4} text-anchor="end" class="bn-tick">
          {s['chart.score']}
        </text>
        <text x={4} y={12} class="bn-tick">
          {s['chart.coefficient']}
        </text>
        <path d={chart.path} class="bn-curve" />
        {you && score !== null && coefficient !== null && (
          <g class="bn-you">
            <line x1={you.x} x2={you.x} y1={origin.y} y2={you.y} class="bn-guide" />
            <line x1={origin.x} x2={you.x} y1={you.y} y2={you.y} class="bn-guide" />
            <circle cx={you.x} cy={you.y} r={5} />
            <text
              x={you.x + (you.x > CHART.width * 0.7 ? -8 : 8)}
              y={you.y - 8}
              text-anchor={you.x > CHART.width * 0.7 ? 'end' : 'start'}
            >
              {`${formatNumber(score)} → ${formatCoefficient(coefficient)}`}
            </text>
          </g>
        )}
      </svg>
    </figure>
  );
}
