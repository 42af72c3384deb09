// 年度考核 at a glance (四（二）): one bar per month, its height the month's total and its grade written
// on it; a month with no total is an empty dashed slot marked 「未填」 (left out of the average, so
// never drawn as 0). Dashed lines mark the grade bands' lower bounds from the policy. The drawing
// is one image to a screen reader, named by its title; the list under it says every month in words.
// Loaded with the year view (SelfReview), not with the page.
import type { GradeBand } from '../../../core/policy-types';
import { formatNumber } from '../../../core/format';
import { gradeTone, yearChartPoints, type YearChartPoint } from '../logic/year-chart';
import type { MonthEntry, SavedMonth } from '../logic/derive';
import type { S, T } from './types';

const SLOT = 40;
const LEFT = 34;
const TOP = 22;
const PLOT = 150;
const BOTTOM = 24;
const RIGHT = 60;
const W = LEFT + SLOT * 12 + RIGHT;
const H = TOP + PLOT + BOTTOM;

export function YearChart(props: {
  year: number;
  months: readonly MonthEntry[];
  saved: readonly (SavedMonth | null)[];
  grades: readonly GradeBand[];
  /** Top of the score scale: the highest monthly total the group can reach. */
  max: number;
  s: S;
  t: T;
}) {
  const { s, t, grades } = props;
  const points = yearChartPoints(props.months, props.saved, grades);
  const max = Math.max(1, props.max, ...points.map((p) => p.score ?? 0));
  const y = (score: number) => TOP + PLOT - (PLOT * Math.min(score, max)) / max;
  const title = t('chart.title', { year: props.year });
  const said = (p: YearChartPoint) =>
    p.score === null || p.grade === null
      ? t('chart.missing', { month: p.month })
      : t('chart.point', {
          month: p.month,
          score: formatNumber(p.score),
          grade: p.grade.name,
          source: p.source === 'saved' ? s['chart.fromSaved'] : s['chart.typed'],
        });
  return (
    <figure class="sr-year-chart no-print">
      {/* Scrolls in its box on a narrow screen; focusable so the keyboard can scroll it too. */}
      <div class="sr-year-chart-box" tabIndex={0} role="group" aria-label={title}>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-labelledby="sr-chart-title sr-chart-desc"
          data-drawn={String(props.year)}
        >
          <title id="sr-chart-title">{title}</title>
          <desc id="sr-chart-desc">{s['chart.desc']}</desc>
          <text x={4} y={12} class="sr-chart-axis">
            {s['chart.axis']}
          </text>
          {[0, max].map((v) => (
            <text key={v} x={LEFT - 4} y={y(v) + 4} class="sr-chart-axis" text-anchor="end">
              {formatNumber(Math.round(v))}
            </text>
          ))}
          <line x1={LEFT} x2={LEFT + SLOT * 12} y1={y(0)} y2={y(0)} class="sr-chart-base" />
          {/* 四（二）: the grade bands' lower bounds, as appraisal.yaml sets them. */}
          {grades
            .filter((g) => g.min > 0 && g.min < max)
            .map((g) => (
              <g key={g.id}>
                <line x1={LEFT} x2={LEFT + SLOT * 12} y1={y(g.min)} y2={y(g.min)} class="sr-chart-band" />
                <text x={LEFT + SLOT * 12 + 4} y={y(g.min) + 4} class="sr-chart-axis">
                  {`${g.name}≥${formatNumber(g.min)}`}
                </text>
              </g>
            ))}
          {points.map((p, i) => {
            const x = LEFT + i * SLOT + 6;
            const w = SLOT - 12;
            const cx = LEFT + i * SLOT + SLOT / 2;
            return (
              <g key={p.month}>
                {p.score === null || p.grade === null ? (
                  <>
                    <rect x={x} y={TOP + PLOT - 44} width={w} height={44} class="sr-chart-empty" />
                    <text x={cx} y={TOP + PLOT - 18} class="sr-chart-missing" text-anchor="middle">
                      {s['chart.missingShort']}
                    </text>
                  </>
                ) : (
                  <>
                    <rect
                      x={x}
                      y={y(p.score)}
                      width={w}
                      height={Math.max(1, y(0) - y(p.score))}
                      class={`sr-chart-bar grade-tone-${gradeTone(p.grade, grades)}`}
                    />
                    <text x={cx} y={y(p.score) - 5} class="sr-chart-grade" text-anchor="middle">
                      {p.grade.name}
                    </text>
                  </>
                )}
                <text x={cx} y={H - 6} class="sr-chart-axis" text-anchor="middle">
                  {t('chart.month', { month: p.month })}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul class="sr-only" aria-label={title}>
          {points.map((p) => (
            <li key={p.month}>{said(p)}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
