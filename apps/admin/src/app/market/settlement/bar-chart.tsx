import { formatFen } from '@fupin/money';

export interface BarChartRow {
  key: string;
  label: string;
  amountFen: number;
}

const ROW_HEIGHT = 28;
const LABEL_WIDTH = 180;
const VALUE_WIDTH = 120;
const WIDTH = 720;

/**
 * Horizontal bars drawn as SVG (no chart library): one row per group, widths proportional to the
 * amount, the figure written beside each bar so it reads without the bar, and in print.
 */
export function BarChart({ rows, title }: { rows: readonly BarChartRow[]; title: string }) {
  const max = Math.max(1, ...rows.map((row) => row.amountFen));
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <svg
      className="market-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={title}
      preserveAspectRatio="xMinYMin meet"
    >
      {rows.map((row, index) => {
        const y = index * ROW_HEIGHT + 4;
        const width = Math.max(1, Math.round((row.amountFen / max) * barSpace));
        const label = row.label.length > 14 ? `${row.label.slice(0, 13)}…` : row.label;
        return (
          <g key={row.key}>
            <text x={LABEL_WIDTH - 8} y={y + ROW_HEIGHT / 2 + 4} textAnchor="end">
              {label}
            </text>
            <rect
              className="market-chart__bar"
              x={LABEL_WIDTH}
              y={y + 4}
              width={width}
              height={ROW_HEIGHT - 10}
            />
            <text x={LABEL_WIDTH + width + 6} y={y + ROW_HEIGHT / 2 + 4}>
              {formatFen(row.amountFen)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
