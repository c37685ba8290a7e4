import type { FundFlowNode, FundHouseholdGroup } from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import { useTranslation } from 'react-i18next';
import { layoutFlowChart, type FlowChartSource } from './fund-flow-layout';
import { useDescribeFlow } from './fund-flow-words';
import './fund-flow.css';

const COLUMN = 250;
const BOX_WIDTH = 200;
const BOX_HEIGHT = 48;
const ROW = 64;
const PAD = 8;

/** Fits a label into a box: wide (CJK) characters count as one, narrow ones (digits, Latin) as about half. */
export function shorten(text: string, maxWidth = 12.5): string {
  const width = (c: string) => (c.charCodeAt(0) > 0x2e7f ? 1 : 0.58);
  const chars = [...text];
  if (chars.reduce((sum, c) => sum + width(c), 0) <= maxWidth) return text;
  let used = 1;
  let end = 0;
  while (end < chars.length && used + width(chars[end]!) <= maxWidth) used += width(chars[end++]!);
  return `${chars.slice(0, end).join('')}…`;
}

export interface FundFlowChartProps {
  sources: readonly FlowChartSource[];
  flows: readonly FundFlowNode[];
  /** Names the chart for screen readers. */
  title: string;
  /** All the households each account paid, where `flows` list only the largest (a source's trace). */
  householdGroups?: readonly FundHouseholdGroup[];
}

/**
 * Where money went, drawn as a tree in SVG (no chart library): sources on the left, each level
 * to the right, lines as thick as the share of money they carry. Many households under one box
 * are drawn as one box; the table beside the chart lists every flow.
 */
export function FundFlowChart({ sources, flows, title, householdGroups }: FundFlowChartProps) {
  const { t } = useTranslation();
  const describe = useDescribeFlow();
  const nodes = layoutFlowChart(sources, flows, {
    describe,
    groupLabel: (count) => t('fundFlow.households', { count }),
    householdGroups,
  });
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const depth = Math.max(0, ...nodes.map((n) => n.depth));
  const rows = Math.max(1, ...nodes.map((n) => n.row + 1));
  const width = (depth + 1) * COLUMN + PAD;
  const height = rows * ROW + PAD;
  const x = (d: number) => PAD + d * COLUMN;
  const y = (row: number) => PAD + row * ROW;
  return (
    <figure className="fund-flow-chart">
      <figcaption className="fund-flow-chart__hint">{t('fundFlow.treeHint')}</figcaption>
      <div className="fund-flow-chart__scroll">
        <svg
          role="img"
          aria-label={title}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="fund-flow-chart__svg"
        >
          <title>{title}</title>
          {nodes
            .filter((n) => n.parentKey)
            .map((n) => {
              const parent = byKey.get(n.parentKey!)!;
              const x1 = x(parent.depth) + BOX_WIDTH;
              const y1 = y(parent.row) + BOX_HEIGHT / 2;
              const x2 = x(n.depth);
              const y2 = y(n.row) + BOX_HEIGHT / 2;
              const mid = (x1 + x2) / 2;
              return (
                <path
                  key={`edge:${n.key}`}
                  className={`fund-flow-chart__edge fund-flow-chart__edge--${n.kind}`}
                  d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`}
                  strokeWidth={2 + 14 * n.share}
                  fill="none"
                />
              );
            })}
          {nodes.map((n) => (
            <g
              key={n.key}
              className={`fund-flow-chart__node fund-flow-chart__node--${n.kind}`}
              transform={`translate(${x(n.depth)},${y(n.row)})`}
              data-testid="fund-flow-node"
            >
              <title>{`${n.label} ${formatFen(toFen(n.amountFen))}`}</title>
              <rect width={BOX_WIDTH} height={BOX_HEIGHT} rx={6} />
              <text x={10} y={20} className="fund-flow-chart__label">
                {shorten(n.label)}
              </text>
              <text x={10} y={39} className="fund-flow-chart__amount">
                {formatFen(toFen(n.amountFen))}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}
