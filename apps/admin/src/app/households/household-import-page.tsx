import { isApiClientError } from '@fupin/api-client';
import { HOUSEHOLD_IMPORT_LIMITS, type ImportRejectedDetails, type ImportResult } from '@fupin/contracts';
import { Button, LoadingState, Notice, useApiClient } from '@fupin/ui';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../common/page-header';
import { useErrorText } from '../common/use-error-text';
import { ImportRejectionTable } from './import-rejection-table';
import { ImportTemplateLinks } from './import-template-links';

type Outcome =
  | { kind: 'checked'; result: ImportResult }
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'rejected'; details: ImportRejectedDetails }
  | { kind: 'failed'; message: string };

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 批量导入: download the template, upload the sheet, check it (nothing saved), then import it.
 * The registry takes all of a file or none of it, and names every bad cell.
 */
export function HouseholdImportPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setOutcome(null);
    if (chosen && chosen.size > HOUSEHOLD_IMPORT_LIMITS.maxBytes) {
      setFile(null);
      setOutcome({ kind: 'failed', message: t('households.import.tooLarge') });
      return;
    }
    setFile(chosen);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'import');
    setOutcome(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const result = await client.postForm<ImportResult>('/api/registry/households/import', form, {
        query: { dryRun },
        timeoutMs: 120_000,
      });
      setOutcome({ kind: dryRun ? 'checked' : 'imported', result });
      if (!dryRun) {
        setFile(null);
        if (input.current) input.current.value = '';
      }
    } catch (error) {
      if (isApiClientError(error) && error.code === 'IMPORT_REJECTED') {
        setOutcome({ kind: 'rejected', details: error.details as ImportRejectedDetails });
      } else {
        setOutcome({ kind: 'failed', message: errorText(error) });
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="admin-import">
      <PageHeader
        title={t('households.import.title')}
        description={t('households.import.description')}
        back={<Link to="/households">← {t('households.backToList')}</Link>}
      />
      <section className="admin-section" aria-labelledby="import-step-1">
        <h2 id="import-step-1">{t('households.import.step1')}</h2>
        <p className="admin-muted">{t('households.import.templateHint')}</p>
        <ImportTemplateLinks />
      </section>
      <section className="admin-section" aria-labelledby="import-step-2">
        <h2 id="import-step-2">{t('households.import.step2')}</h2>
        <div className="fp-field">
          <span className="fp-field__label" id={`${inputId}-label`}>
            {t('households.import.file')}
          </span>
          <p className="fp-field__hint" id={`${inputId}-hint`}>
            {t('households.import.fileHint')}
          </p>
          {/* The native picker's button speaks the browser's language and is small: a label styled as a button stands in. */}
          <div className="admin-file-picker">
            <input
              ref={input}
              id={inputId}
              className="admin-file-picker__input"
              type="file"
              accept={ACCEPT}
              aria-labelledby={`${inputId}-label`}
              aria-describedby={`${inputId}-hint ${inputId}-chosen`}
              onChange={choose}
            />
            <label
              htmlFor={inputId}
              className="fp-button fp-button--secondary fp-button--md"
              aria-hidden="true"
            >
              {t('households.import.choose')}
            </label>
            <span id={`${inputId}-chosen`} className="admin-file-picker__name">
              {file ? file.name : t('households.import.noFile')}
            </span>
          </div>
        </div>
        <div className="admin-form-buttons">
          <Button disabled={!file} loading={busy === 'check'} onClick={() => send(true)}>
            {t('households.import.check')}
          </Button>
          {outcome?.kind === 'checked' ? (
            <Button variant="primary" loading={busy === 'import'} onClick={() => send(false)}>
              {t('households.import.commit', { count: outcome.result.householdCount })}
            </Button>
          ) : null}
        </div>
      </section>
      <section className="admin-section" aria-labelledby="import-step-3" aria-live="polite">
        <h2 id="import-step-3">{t('households.import.step3')}</h2>
        {busy ? (
          <LoadingState
            label={t(busy === 'check' ? 'households.import.checking' : 'households.import.importing')}
          />
        ) : null}
        {!busy && !outcome ? <p className="admin-muted">{t('households.import.nothingYet')}</p> : null}
        {outcome ? <ImportOutcome outcome={outcome} /> : null}
      </section>
    </div>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'checked':
      return (
        <Notice tone="ok" title={t('households.import.checked')}>
          <p>
            {t('households.import.counts', {
              households: outcome.result.householdCount,
              members: outcome.result.memberCount,
              rows: outcome.result.rowCount,
            })}
          </p>
          <p>{t('households.import.checkedNext')}</p>
        </Notice>
      );
    case 'imported':
      return (
        <Notice
          tone="ok"
          title={t('households.import.imported', { count: outcome.result.imported })}
          action={<Link to="/households?sort=updatedAt">{t('households.import.seeList')}</Link>}
        >
          <p>
            {t('households.import.counts', {
              households: outcome.result.householdCount,
              members: outcome.result.memberCount,
              rows: outcome.result.rowCount,
            })}
          </p>
        </Notice>
      );
    case 'rejected':
      return (
        <>
          <Notice
            tone="error"
            title={t('households.import.rejectedTitle', { count: outcome.details.rejected.length })}
          >
            <p>{t('households.import.rejectedText')}</p>
          </Notice>
          <ImportRejectionTable rejected={outcome.details.rejected} />
        </>
      );
    default:
      return <Notice tone="error" title={outcome.message} />;
  }
}
