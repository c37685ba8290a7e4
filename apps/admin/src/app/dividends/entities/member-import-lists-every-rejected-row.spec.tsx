import type { StubServer } from '@fupin/api-client/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { renderDividends, startDividendsStub } from '../dividends-testing';
import { MemberImport } from './member-import';

const ENTITY = '22222222-2222-4222-8222-222222222222';
const IMPORT = `/api/dividends/entities/${ENTITY}/members/import`;

function choose(text: string, label = '要导入的文件') {
  const file = new NodeFile([text], 'members.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

describe('importing members and shareholdings', () => {
  let server: StubServer;
  let answer: [number, unknown];

  beforeEach(async () => {
    server = await startDividendsStub((request) => (request.url === IMPORT ? answer : undefined));
  });

  afterEach(() => server.close());

  it('lists every row the service refused, in the reader’s language, and says nothing was saved', async () => {
    answer = [
      422,
      {
        code: 'ENTITY_IMPORT_REJECTED',
        message: '2 行有误，未导入任何数据 / 2 bad row(s); nothing was imported',
        details: {
          rows: [
            { row: 3, errors: ['户编号 9999 不在本县登记库中 / unknown household number'] },
            {
              row: 5,
              errors: [
                '股份类型须为 普通股/优先股/折股量化 / unknown share kind "红股"',
                'validTo: 截止日期不能早于起始日期 / validTo must not be before validFrom',
              ],
            },
          ],
        },
      },
    ];
    const onImported = jest.fn();
    renderDividends(server, <MemberImport entityId={ENTITY} onImported={onImported} />);
    expect(screen.getByRole('button', { name: '导入' })).toBeDisabled();
    choose('户编号,入社日期,股份类型,股数,起始日期,截止日期\n9999,2020-01-01,优先股,10,2020-01-01,\n');
    fireEvent.click(screen.getByRole('button', { name: '导入' }));

    const table = await screen.findByRole('table', { name: '问题清单（2 行）' });
    expect(screen.getByRole('alert')).toHaveTextContent('2 行有误，未导入任何数据');
    expect(screen.getByRole('alert')).toHaveTextContent('整份文件都没有导入');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('3户编号 9999 不在本县登记库中');
    expect(rows[1]).toHaveTextContent(
      '5股份类型须为 普通股/优先股/折股量化validTo: 截止日期不能早于起始日期',
    );
    expect(onImported).not.toHaveBeenCalled();
    const upload = server.requests.find((r) => r.url === IMPORT)!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(upload.body).toContain('filename="members.csv"');
  });

  it('names the missing columns when the header is wrong', async () => {
    answer = [
      422,
      {
        code: 'ENTITY_IMPORT_REJECTED',
        message: '缺少列：股份类型、股数 / Missing columns',
        details: { missingColumns: ['股份类型', '股数'] },
      },
    ];
    renderDividends(server, <MemberImport entityId={ENTITY} />, 'en');
    choose('户编号,入社日期\n', 'File to import');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Missing columns: 股份类型、股数')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('reports what was added when the whole sheet is good', async () => {
    answer = [201, { membersAdded: 12, shareholdingsAdded: 13 }];
    const onImported = jest.fn();
    renderDividends(server, <MemberImport entityId={ENTITY} onImported={onImported} />);
    choose('户编号,入社日期,股份类型,股数,起始日期,截止日期\n');
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('导入完成：新增成员 12 户，登记股份 13 笔。')).toBeInTheDocument();
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.getByText('未选择文件')).toBeInTheDocument();
  });
});
