import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { residentIdCheckDigit } from '@fupin/contracts';
import { startFakeRegistry, type FakeRegistry } from '../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../testing/render-admin';

const ID_FIRST_17 = '41132219680315201';
const GOOD_ID = `${ID_FIRST_17}${residentIdCheckDigit(ID_FIRST_17)}`;
const BAD_ID = `${ID_FIRST_17}${residentIdCheckDigit(ID_FIRST_17) === '0' ? '1' : '0'}`;

function member(number: number) {
  return within(screen.getByRole('group', { name: new RegExp(`^成员 ${number}`) }));
}

describe('registering a household', () => {
  let registry: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry();
  });

  afterEach(async () => {
    disposeSessions();
    await registry.close();
  });

  it('checks the ID number’s check digit and that there is exactly one head before sending', async () => {
    const { router } = renderAdmin(registry, '/households/new', { as: 'yanshanpu-admin' });
    fireEvent.change(await screen.findByRole('textbox', { name: /户编号/ }), {
      target: { value: 'YSP2020001' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: /贫困状态/ }), { target: { value: 'monitored' } });
    fireEvent.change(member(1).getByRole('textbox', { name: /姓名/ }), { target: { value: '王建国' } });
    fireEvent.change(member(1).getByRole('textbox', { name: /身份证号/ }), { target: { value: BAD_ID } });
    fireEvent.change(member(1).getByRole('combobox', { name: /劳动能力/ }), { target: { value: 'full' } });
    fireEvent.click(screen.getByRole('button', { name: '添加成员' }));
    fireEvent.change(member(2).getByRole('textbox', { name: /姓名/ }), { target: { value: '李秀英' } });
    fireEvent.change(member(2).getByRole('combobox', { name: /与户主关系/ }), { target: { value: 'head' } });
    fireEvent.change(member(2).getByRole('textbox', { name: /出生年份/ }), { target: { value: '1970' } });
    fireEvent.change(member(2).getByRole('combobox', { name: /劳动能力/ }), { target: { value: 'weak' } });
    fireEvent.click(screen.getByRole('button', { name: '登记' }));

    expect(screen.getByText('须有且只有一名成员是户主')).toBeInTheDocument();
    expect(member(1).getByText(/身份证号不对/)).toBeInTheDocument();
    expect(registry.calls('/api/registry/households').filter((call) => call.method === 'POST')).toHaveLength(
      0,
    );

    fireEvent.change(member(1).getByRole('textbox', { name: /身份证号/ }), { target: { value: GOOD_ID } });
    fireEvent.change(member(2).getByRole('combobox', { name: /与户主关系/ }), {
      target: { value: 'spouse' },
    });
    fireEvent.click(screen.getByRole('button', { name: '登记' }));

    expect(await screen.findByText('已登记，这是新农户的详情。')).toBeInTheDocument();
    const post = registry.calls('/api/registry/households').find((call) => call.method === 'POST')!;
    expect(JSON.parse(post.body)).toMatchObject({
      householdNumber: 'YSP2020001',
      villageCode: '411322104201',
      groupCode: null,
      povertyStatus: 'monitored',
      members: [
        { name: '王建国', relation: 'head', idNumber: GOOD_ID, labourCapacity: 'full', disability: null },
        { name: '李秀英', relation: 'spouse', birthYear: 1970, labourCapacity: 'weak' },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/households\/eeeeeeee-/));
  });
});
