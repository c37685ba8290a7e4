import { Button, Notice, useApiClient } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../common/use-error-text';
import { saveFile } from '../market-api';
import '../market.css';

export interface FileButtonsProps {
  path: string;
  /** Extra query (e.g. groupBy), sent with `format`. */
  query?: Record<string, string | number | undefined>;
  baseName: string;
  csvLabel: string;
  xlsxLabel: string;
}

/** CSV and Excel downloads of one file; fetched with the session's token, so they cannot be plain links. */
export function FileButtons({ path, query = {}, baseName, csvLabel, xlsxLabel }: FileButtonsProps) {
  const client = useApiClient();
  const errorText = useErrorText();
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setFailure(null);
    try {
      const file = await client.download(path, { query: { ...query, format } });
      saveFile(file.blob, file.filename ?? `${baseName}.${format}`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="market-no-print market-files" aria-label={t('market.files')} role="group">
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div className="admin-form-buttons">
        <Button variant="secondary" loading={busy === 'csv'} onClick={() => download('csv')}>
          {csvLabel}
        </Button>
        <Button variant="secondary" loading={busy === 'xlsx'} onClick={() => download('xlsx')}>
          {xlsxLabel}
        </Button>
      </div>
    </div>
  );
}
