import type { FundFlowNode } from '@fupin/contracts';
import { layoutFlowChart } from './fund-flow-layout';
import { csvField, fundFlowsCsv } from './fund-flow-csv';

const flow = (
  id: string,
  parentId: string | null,
  toType: FundFlowNode['toType'],
  amountFen: string,
): FundFlowNode => ({
  id,
  sourceId: 's',
  parentId,
  depth: 0,
  kind: 'policy_subsidy',
  fromAccount: 'a',
  toAccount: 'b',
  toType,
  regionCode: '411322',
  householdId: null,
  householdName: toType === 'household' ? `户${id}` : null,
  projectName: toType === 'project' ? `项目${id}` : null,
  amountFen,
  allocatedOnFen: '0',
  purpose: '拨付',
  createdAt: '2026-03-02T02:00:00.000Z',
});

const options = { describe: (f: FundFlowNode) => f.id, groupLabel: (n: number) => `${n} 户` };

describe('the flow chart layout', () => {
  it('puts each parent midway between its first and last child, leaves on their own rows', () => {
    const nodes = layoutFlowChart(
      [{ id: 's', name: '来源', amountFen: '1000' }],
      [
        flow('r', null, 'account', '1000'),
        flow('p', 'r', 'project', '600'),
        flow('h', 'r', 'household', '400'),
      ],
      options,
    );
    expect(nodes.map((n) => [n.key, n.depth, n.row, n.share])).toEqual([
      ['source:s', 0, 0.5, 1],
      ['r', 1, 0.5, 1],
      ['p', 2, 0, 0.6],
      ['h', 2, 1, 0.4],
    ]);
  });

  it('draws many households under one account as one box with their exact total', () => {
    const households = Array.from({ length: 7 }, (_, i) =>
      flow(`h${i}`, 'r', 'household', String(9_007_199_254_740 + i)),
    );
    const nodes = layoutFlowChart(
      [{ id: 's', name: '来源', amountFen: '90000000000000' }],
      [flow('r', null, 'account', '90000000000000'), flow('p', 'r', 'project', '5'), ...households],
      options,
    );
    const group = nodes.find((n) => n.kind === 'households')!;
    expect(group).toMatchObject({ label: '7 户', count: 7, amountFen: String(7 * 9_007_199_254_740 + 21) });
    expect(nodes).toHaveLength(4);
  });

  it('keeps several sources apart, one under the other', () => {
    const nodes = layoutFlowChart(
      [
        { id: 's', name: '甲', amountFen: '100' },
        { id: 't', name: '乙', amountFen: '50' },
      ],
      [flow('r', null, 'account', '100'), { ...flow('q', null, 'account', '50'), sourceId: 't' }],
      options,
    );
    expect(nodes.map((n) => [n.key, n.row])).toEqual([
      ['source:s', 0],
      ['r', 0],
      ['source:t', 1],
      ['q', 1],
    ]);
  });
});

describe('the fund-flow CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('普通')).toBe('普通');
  });

  it('writes yuan from integer fen, with a BOM and CRLF', () => {
    const csv = fundFlowsCsv([flow('r', null, 'account', '123456789'), flow('h', 'r', 'household', '5')], {
      headers: ['层级', '去向'],
      describe: (f) => f.id,
      type: (f) => f.toType,
    });
    expect(csv.startsWith('\uFEFF层级,去向\r\n')).toBe(true);
    expect(csv).toContain('\r\n0,r,account,1234567.89,0.00,拨付,');
    expect(csv).toContain('\r\n0,h,household,0.05,,拨付,');
  });
});
