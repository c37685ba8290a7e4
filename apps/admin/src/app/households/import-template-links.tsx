import { Button, Notice, useApiClient } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../common/use-error-text';

/** Saves a downloaded file through a temporary link, the way a browser saves an attachment. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The template in both formats; fetched with the session's token, so it cannot be a plain link. */
export function ImportTemplateLinks() {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setFailure(null);
    try {
      const file = await client.download('/api/registry/households/import/template', { query: { format } });
      saveFile(file.blob, file.filename ?? `household-import-template.${format}`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div className="admin-form-buttons">
        <Button variant="secondary" loading={busy === 'xlsx'} onClick={() => download('xlsx')}>
          {t('households.import.templateXlsx')}
        </Button>
        <Button variant="secondary" loading={busy === 'csv'} onClick={() => download('csv')}>
          {t('households.import.templateCsv')}
        </Button>
      </div>
    </div>
  );
}
