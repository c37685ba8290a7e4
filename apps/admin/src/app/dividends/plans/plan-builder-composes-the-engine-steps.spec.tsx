import {
  PV_DIFFERENTIATED_PLAN,
  type PlanDocument,
  type ProRataStep,
  type SplitStep,
} from '@fupin/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import type { StubServer } from '@fupin/api-client/testing';
import { renderDividends, startDividendsStub } from '../dividends-testing';
import { PlanBuilder } from './plan-builder';
import { planProblems } from './plan-editor-page';

function Host({ initial, onPlan }: { initial: PlanDocument; onPlan: (plan: PlanDocument) => void }) {
  const [plan, setPlan] = useState(initial);
  return (
    <PlanBuilder
      value={plan}
      onChange={(next) => {
        setPlan(next);
        onPlan(next);
      }}
    />
  );
}

describe('building a distribution plan', () => {
  let server: StubServer;
  let latest: PlanDocument;

  beforeEach(async () => {
    server = await startDividendsStub(() => undefined);
    latest = PV_DIFFERENTIATED_PLAN;
    renderDividends(server, <Host initial={PV_DIFFERENTIATED_PLAN} onPlan={(p) => (latest = p)} />);
  });

  afterEach(() => server.close());

  const part = (label: string) => screen.getByRole('region', { name: `部分：${label}` });

  it('shows the PV plan’s buckets with their shares and recomputes them when a ratio changes', () => {
    expect(within(part('公益岗位工资')).getByText('占 70%')).toBeInTheDocument();
    expect(within(part('无劳动能力户补助')).getByText('占 20%')).toBeInTheDocument();
    fireEvent.change(within(part('公益岗位工资')).getByLabelText('比例'), { target: { value: '60' } });
    expect(within(part('公益岗位工资')).getByText('占 66.7%')).toBeInTheDocument();
    expect(within(part('村级公益事业')).getByText('占 11.1%')).toBeInTheDocument();
    expect((latest.root as SplitStep).parts[0]!.ratio).toBe(60);
  });

  it('turns the wages into a guaranteed minimum for poor households followed by shares × days, with a cap', () => {
    const wages = part('公益岗位工资');
    const stepType = within(wages).getAllByLabelText('这一步怎么分')[0]!;
    fireEvent.change(stepType, { target: { value: 'minimum' } });
    fireEvent.change(within(part('公益岗位工资')).getByLabelText('每户保底（元）'), {
      target: { value: '300.50' },
    });
    const first = (latest.root as SplitStep).parts[0]!.step;
    expect(first).toMatchObject({ type: 'minimum', perHouseholdFen: 30_050 });

    const then = within(part('公益岗位工资')).getAllByLabelText('分配依据')[0]!;
    fireEvent.change(then, { target: { value: 'share_days' } });
    fireEvent.click(within(part('公益岗位工资')).getByLabelText('每户封顶'));
    fireEvent.change(within(part('公益岗位工资')).getByLabelText('每户最多（元）'), {
      target: { value: '2000' },
    });
    const step = (latest.root as SplitStep).parts[0]!.step;
    expect(step.type === 'minimum' && step.then).toMatchObject({
      type: 'pro_rata',
      basis: 'share_days',
      cap: { maxPerHouseholdFen: 200_000, excess: 'redistribute' },
    });
    expect(planProblems(latest, 'zh-CN')).toEqual([]);
  });

  it('weights monitored households more, and says in plain words what a bad account name is', () => {
    const support = part('无劳动能力户补助');
    expect(within(support).getByLabelText('监测户优先（上浮）')).toBeChecked();
    fireEvent.change(within(support).getByLabelText('权重（100% 为不上浮）'), { target: { value: '200' } });
    const step = (latest.root as SplitStep).parts[1]!.step as ProRataStep;
    expect(step.uplift).toEqual({ povertyStatuses: ['monitored', 'edge'], percent: 200 });

    fireEvent.change(within(part('村级公益事业')).getByLabelText('账户名'), {
      target: { value: 'Village Works' },
    });
    expect(planProblems(latest, 'zh-CN')).toEqual([
      expect.stringContaining('账户名须为小写字母、数字、下划线'),
    ]);
    expect(planProblems(latest, 'en')).toEqual([
      expect.stringContaining('account names are lower_snake_case'),
    ]);
  });
});
