export interface BarSeries {
  label: string;
  /** A CSS colour; the legend repeats it so the chart reads without colour too. */
  colour: string;
}

export interface BarChartProps {
  title: string;
  series: readonly BarSeries[];
  rows: ReadonlyArray<{ label: string; values: readonly number[] }>;
}

const ROW = 28;
const LABEL = 120;
const WIDTH = 640;

/**
 * Horizontal grouped bars as plain SVG (no chart library): one row per household, one bar per
 * series, each with its number written beside it so the figures read on paper and aloud.
 */
export function BarChart({ title, series, rows }: BarChartProps) {
  const max = Math.max(1, ...rows.flatMap((row) => row.values.map((v) => Math.abs(v))));
  const barHeight = (ROW - 6) / series.length;
  const height = rows.length * ROW + 30;
  const scale = (value: number) => (Math.abs(value) / max) * (WIDTH - LABEL - 60);
  return (
    <figure className="points-section">
      <svg className="points-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {series.map((s, i) => (
          <g key={s.label} transform={`translate(${LABEL + i * 140}, 4)`}>
            <rect width="12" height="12" fill={s.colour} />
            <text x="16" y="11" fontSize="12">
              {s.label}
            </text>
          </g>
        ))}
        {rows.map((row, r) => (
          <g key={`${row.label}-${r}`} transform={`translate(0, ${24 + r * ROW})`}>
            <text x={LABEL - 6} y={ROW / 2 + 4} fontSize="12" textAnchor="end">
              {row.label}
            </text>
            {row.values.map((value, i) => (
              <g key={series[i]?.label ?? i}>
                <rect
                  x={LABEL}
                  y={3 + i * barHeight}
                  width={scale(value)}
                  height={barHeight - 1}
                  fill={series[i]?.colour}
                />
                <text x={LABEL + scale(value) + 4} y={3 + i * barHeight + barHeight - 3} fontSize="10">
                  {value}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
