import { isApiClientError } from '@fupin/api-client';
import type { AwardSheetView, RuleSetView } from '@fupin/contracts';
import { Button, Notice, useApiClient } from '@fupin/ui';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localiseServerText, useLanguage } from '../../common/language';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER, saveFile } from '../points-api';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 5 * 1024 * 1024;

/** A CSV the village can fill in: the columns the ledger reads and one example row per item. */
export function importTemplate(rules: RuleSetView, householdNumber = ''): string {
  const rows = [['户编号', '条目代码', '次数', '备注']];
  for (const item of rules.items.slice(0, 3)) rows.push([householdNumber, item.code, '1', item.name]);
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** The server's reasons, one per rejected row (an import is all or nothing). */
function rowProblems(error: unknown, language: 'zh-CN' | 'en'): string[] {
  if (!isApiClientError(error)) return [];
  const details = error.details as { errors?: unknown; line?: unknown } | undefined;
  if (details && Array.isArray(details.errors)) {
    return details.errors
      .filter((e): e is string => typeof e === 'string')
      .map((e) => localiseServerText(e, language));
  }
  return [];
}

/** Replace the draft's lines from a filled-in sheet (xlsx or CSV), with every bad row named. */
export function SheetImport({
  sheet,
  rules,
  onImported,
}: {
  sheet: AwardSheetView;
  rules: RuleSetView;
  onImported: (sheet: AwardSheetView) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'ok' | 'error'; title: string; rows: string[] } | null>(
    null,
  );

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setOutcome(null);
    if (chosen && chosen.size > MAX_BYTES) {
      setFile(null);
      setOutcome({ tone: 'error', title: t('points.sheets.import.tooBig'), rows: [] });
      return;
    }
    setFile(chosen);
  };

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const updated = await client.postForm<AwardSheetView>(
        `${LEDGER}/award-sheets/${sheet.id}/import`,
        form,
      );
      setOutcome({
        tone: 'ok',
        title: t('points.sheets.import.done', { count: updated.lines.length }),
        rows: [],
      });
      onImported(updated);
    } catch (error) {
      const rows = rowProblems(error, language);
      setOutcome({
        tone: 'error',
        title: rows.length ? t('points.sheets.import.rejected', { count: rows.length }) : errorText(error),
        rows,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="points-section" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t('points.sheets.import.title')}</h2>
      <p className="admin-muted">{t('points.sheets.import.hint')}</p>
      <Button
        variant="ghost"
        onClick={() =>
          saveFile(
            new Blob([importTemplate(rules)], { type: 'text/csv;charset=utf-8' }),
            `award-sheet-template-${sheet.period}.csv`,
          )
        }
      >
        {t('points.sheets.import.template')}
      </Button>
      <div className="fp-field">
        <span className="fp-field__label" id={`${inputId}-label`}>
          {t('points.sheets.import.file')}
        </span>
        <div className="admin-file-picker">
          <input
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
            {t('points.sheets.import.choose')}
          </label>
          <span className="admin-file-picker__name">
            {file ? file.name : t('points.sheets.import.noFile')}
          </span>
        </div>
      </div>
      <Button disabled={!file} loading={busy} onClick={upload}>
        {t('points.sheets.import.upload')}
      </Button>
      {outcome ? (
        <div>
          <Notice tone={outcome.tone} title={outcome.title}>
            {outcome.rows.length ? (
              <ul aria-label={t('points.sheets.import.problems')}>
                {outcome.rows.map((row) => (
                  <li key={row}>{row}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        </div>
      ) : null}
    </section>
  );
}
