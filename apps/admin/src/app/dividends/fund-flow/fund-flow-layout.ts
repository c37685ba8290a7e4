import type { FundFlowNode, FundHouseholdGroup } from '@fupin/contracts';

/** A box of the flow chart: a fund source, or where one flow took the money. */
export interface FlowChartNode {
  key: string;
  parentKey: string | null;
  kind: 'source' | 'account' | 'project' | 'household' | 'households';
  label: string;
  amountFen: string;
  depth: number;
  /** Row position in units of one row (leaves are 0, 1, 2 …; a parent sits between its children). */
  row: number;
  /** 0–1: the share of the largest source this box received, for the line's thickness. */
  share: number;
  /** For a grouped box: the flows it stands for. */
  count?: number;
}

export interface FlowChartSource {
  id: string;
  name: string;
  amountFen: string;
}

export interface FlowChartOptions {
  /** What a flow's box says (its level and region, project, masked household name). */
  describe(flow: FundFlowNode): string;
  /** The label of a box standing for many households. */
  groupLabel(count: number): string;
  /** More household flows than this under one box are drawn as one box (the table lists them all). */
  maxHouseholds?: number;
  /**
   * All the households each account paid, when the flows list only some of them (a source's
   * trace): such an account's households are always one box, with the full count and amount.
   */
  householdGroups?: readonly FundHouseholdGroup[];
}

/**
 * Lays the flows of one or more sources out as a tree read left to right: each source, the
 * accounts it was passed down to, then projects and households. Amounts stay integer fen (BigInt)
 * until the line thickness, which is only a picture.
 */
export function layoutFlowChart(
  sources: readonly FlowChartSource[],
  flows: readonly FundFlowNode[],
  options: FlowChartOptions,
): FlowChartNode[] {
  const maxHouseholds = options.maxHouseholds ?? 6;
  const groups = new Map((options.householdGroups ?? []).map((g) => [g.parentId, g]));
  const children = new Map<string, FundFlowNode[]>();
  for (const flow of flows) {
    const parent = flow.parentId ?? `source:${flow.sourceId}`;
    children.set(parent, [...(children.get(parent) ?? []), flow]);
  }
  const largest = sources.reduce((max, s) => (BigInt(s.amountFen) > max ? BigInt(s.amountFen) : max), 1n);
  const share = (fen: bigint) => Number((fen * 1000n) / largest) / 1000;
  const nodes: FlowChartNode[] = [];
  let nextLeaf = 0;

  const place = (node: Omit<FlowChartNode, 'row'>, below: FundFlowNode[]): number => {
    const index = nodes.push({ ...node, row: 0 }) - 1;
    const households = below.filter((f) => f.toType === 'household');
    const group = groups.get(node.key);
    const grouped = households.length > maxHouseholds || (!!group && group.households > households.length);
    const shown = grouped ? below.filter((f) => f.toType !== 'household') : below;
    const rows: number[] = shown.map((flow) =>
      place(
        {
          key: flow.id,
          parentKey: node.key,
          kind: flow.toType,
          label: options.describe(flow),
          amountFen: flow.amountFen,
          depth: node.depth + 1,
          share: share(BigInt(flow.amountFen)),
        },
        children.get(flow.id) ?? [],
      ),
    );
    if (grouped) {
      const total = group
        ? BigInt(group.amountFen)
        : households.reduce((sum, f) => sum + BigInt(f.amountFen), 0n);
      const count = group?.households ?? households.length;
      nodes.push({
        key: `${node.key}:households`,
        parentKey: node.key,
        kind: 'households',
        label: options.groupLabel(count),
        amountFen: String(total),
        depth: node.depth + 1,
        row: nextLeaf,
        share: share(total),
        count,
      });
      rows.push(nextLeaf++);
    }
    nodes[index]!.row = rows.length ? (rows[0]! + rows[rows.length - 1]!) / 2 : nextLeaf++;
    return nodes[index]!.row;
  };

  for (const source of sources)
    place(
      {
        key: `source:${source.id}`,
        parentKey: null,
        kind: 'source',
        label: source.name,
        amountFen: source.amountFen,
        depth: 0,
        share: share(BigInt(source.amountFen)),
      },
      children.get(`source:${source.id}`) ?? [],
    );
  return nodes;
}
