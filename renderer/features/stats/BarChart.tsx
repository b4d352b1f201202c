import { useId } from 'react';

export type ChartSeries = { key: string; label: string };
export type ChartRow = { label: string; values: number[] };

const WIDTH = 560;
const LABEL_W = 170;
const VALUE_W = 60;
const ROW_H = 24;
const BAR_H = 16;

/**
 * A horizontal bar chart in plain SVG, stacked when there are several series. Colours come from
 * the stylesheet (`.bar-<series>`; the CSP allows no inline styles). Mirrored for right-to-left:
 * labels on the right, bars growing leftwards. The numbers are also in the table beside it, so
 * the chart carries a title and a one-line description for screen readers and nothing more.
 */
export function BarChart({ title, series, rows, rtl, testId }: { title: string; series: ChartSeries[]; rows: ChartRow[]; rtl: boolean; testId: string }) {
  const id = useId();
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const span = WIDTH - LABEL_W - VALUE_W;
  const height = Math.max(ROW_H, rows.length * ROW_H);
  const summary = rows.map((r) => `${r.label}: ${r.values.join(' / ')}`).join('; ');
  const x = (from: number, w: number) => (rtl ? WIDTH - LABEL_W - from - w : LABEL_W + from);
  return (
    <figure className="chart" data-testid={testId}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary}</desc>
        {rows.map((r, i) => {
          const y = i * ROW_H;
          const total = r.values.reduce((a, b) => a + b, 0);
          let from = 0;
          return (
            <g key={`${r.label}-${i}`}>
              <text x={rtl ? WIDTH - 4 : LABEL_W - 6} y={y + ROW_H / 2} dominantBaseline="middle" textAnchor={rtl ? 'start' : 'end'} direction={rtl ? 'rtl' : 'ltr'} className="chart-label">
                {r.label}
              </text>
              {r.values.map((v, k) => {
                const w = (v / max) * span;
                const rect = <rect key={series[k]?.key ?? k} x={x(from, w)} y={y + (ROW_H - BAR_H) / 2} width={w} height={BAR_H} className={`bar bar-${series[k]?.key ?? k}`} />;
                from += w;
                return rect;
              })}
              <text x={rtl ? x(from, 0) - 4 : x(from, 0) + 4} y={y + ROW_H / 2} dominantBaseline="middle" textAnchor={rtl ? 'end' : 'start'} className="chart-value">
                {total}
              </text>
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <figcaption className="chart-legend">
          {series.map((s) => (
            <span key={s.key} className="legend-item">
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" className={`bar bar-${s.key}`} />
              </svg>{' '}
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
