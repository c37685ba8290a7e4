import { isApiClientError } from '@fupin/api-client';
import { Button, DataTable, LoadingState, Notice, useApiClient, type DataTableColumn } from '@fupin/ui';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localiseServerText, useLanguage } from '../../common/language';
import { useErrorText } from '../../common/use-error-text';
import { csvBlob, DIVIDENDS, saveFile } from '../dividends-api';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 5 * 1024 * 1024;

/** The columns the dividends service reads, with one example row. */
export const MEMBER_TEMPLATE: ReadonlyArray<readonly string[]> = [
  ['户编号', '入社日期', '股份类型', '股数', '起始日期', '截止日期'],
  ['4113221042010001', '2020-01-01', '优先股', '10', '2020-01-01', ''],
];

interface RowProblem {
  row: number;
  errors: string[];
}

type Outcome =
  | { kind: 'imported'; membersAdded: number; shareholdingsAdded: number }
  | { kind: 'rejected'; message: string; rows: RowProblem[]; missingColumns: string[] }
  | { kind: 'failed'; message: string };

/**
 * Members and shareholdings from a sheet, one shareholding per row. The service takes all of a
 * file or none of it and names every bad row; those are listed here.
 */
export function MemberImport({ entityId, onImported }: { entityId: string; onImported?: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setOutcome(null);
    if (chosen && chosen.size > MAX_BYTES) {
      setFile(null);
      setOutcome({ kind: 'failed', message: t('dividends.import.tooLarge') });
      return;
    }
    setFile(chosen);
  };

  const send = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const result = await client.postForm<{ membersAdded: number; shareholdingsAdded: number }>(
        `${DIVIDENDS}/entities/${entityId}/members/import`,
        form,
        { timeoutMs: 120_000 },
      );
      setOutcome({ kind: 'imported', ...result });
      setFile(null);
      if (input.current) input.current.value = '';
      onImported?.();
    } catch (error) {
      if (isApiClientError(error) && error.code === 'ENTITY_IMPORT_REJECTED') {
        const details = (error.details ?? {}) as { rows?: RowProblem[]; missingColumns?: string[] };
        setOutcome({
          kind: 'rejected',
          message: localiseServerText(error.message, language),
          rows: details.rows ?? [],
          missingColumns: details.missingColumns ?? [],
        });
      } else setOutcome({ kind: 'failed', message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  const columns: DataTableColumn<RowProblem>[] = [
    { key: 'row', header: t('dividends.import.row'), rowHeader: true, align: 'end', render: (r) => r.row },
    {
      key: 'errors',
      header: t('dividends.import.problem'),
      render: (r) => (
        <ul className="dividends-plain-list">
          {r.errors.map((e) => (
            <li key={e}>{localiseServerText(e, language)}</li>
          ))}
        </ul>
      ),
    },
  ];

  return (
    <>
      <section className="admin-section" aria-labelledby="import-template">
        <h2 id="import-template">{t('dividends.import.step1')}</h2>
        <p className="admin-muted">{t('dividends.import.templateHint')}</p>
        <Button variant="secondary" onClick={() => saveFile(csvBlob(MEMBER_TEMPLATE), 'member-template.csv')}>
          {t('dividends.import.template')}
        </Button>
      </section>
      <section className="admin-section" aria-labelledby="import-file">
        <h2 id="import-file">{t('dividends.import.step2')}</h2>
        <div className="fp-field">
          <span className="fp-field__label" id={`${inputId}-label`}>
            {t('dividends.import.file')}
          </span>
          <div className="admin-file-picker">
            <input
              ref={input}
              id={inputId}
              className="admin-file-picker__input"
              type="file"
              accept={ACCEPT}
              aria-labelledby={`${inputId}-label`}
              onChange={choose}
            />
            <label
              htmlFor={inputId}
              className="fp-button fp-button--secondary fp-button--md"
              aria-hidden="true"
            >
              {t('dividends.import.choose')}
            </label>
            <span className="admin-file-picker__name">{file ? file.name : t('dividends.import.noFile')}</span>
          </div>
        </div>
        <div className="admin-form-buttons">
          <Button disabled={!file} loading={busy} onClick={send}>
            {t('dividends.import.send')}
          </Button>
        </div>
      </section>
      <section className="admin-section" aria-live="polite" aria-labelledby="import-result">
        <h2 id="import-result">{t('dividends.import.step3')}</h2>
        {busy ? <LoadingState label={t('dividends.import.sending')} /> : null}
        {!busy && !outcome ? <p className="admin-muted">{t('dividends.import.nothingYet')}</p> : null}
        {outcome?.kind === 'imported' ? (
          <Notice
            tone="ok"
            title={t('dividends.import.done', {
              members: outcome.membersAdded,
              holdings: outcome.shareholdingsAdded,
            })}
          />
        ) : null}
        {outcome?.kind === 'failed' ? <Notice tone="error" title={outcome.message} /> : null}
        {outcome?.kind === 'rejected' ? (
          <>
            <Notice tone="error" title={outcome.message}>
              {outcome.missingColumns.length ? (
                <p>{t('dividends.import.missing', { columns: outcome.missingColumns.join('、') })}</p>
              ) : (
                <p>{t('dividends.import.nothingSaved')}</p>
              )}
            </Notice>
            {outcome.rows.length ? (
              <DataTable
                stackOnPhone
                caption={t('dividends.import.problems', { count: outcome.rows.length })}
                columns={columns}
                rows={outcome.rows}
                rowKey={(r) => String(r.row)}
              />
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
