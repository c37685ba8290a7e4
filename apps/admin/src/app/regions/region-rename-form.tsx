import type { RegionView } from '@fupin/contracts';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS_PATH } from '../common/region-queries';
import { useErrorText } from '../common/use-error-text';

interface RegionRenameFormProps {
  region: RegionView;
  onRenamed: (region: RegionView) => void;
  onCancel: () => void;
}

/** A new name for a region; its code stays, so households and users keep pointing at it. */
export function RegionRenameForm({ region, onRenamed, onCancel }: RegionRenameFormProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [name, setName] = useState(region.name);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('regions.child.nameMissing'));
      return;
    }
    setError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      onRenamed(await client.patch<RegionView>(`${REGIONS_PATH}/${region.code}`, { name: name.trim() }));
    } catch (caught) {
      setFailure(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-inline-form" onSubmit={submit} noValidate>
      <h3>{t('regions.renameTitle', { name: region.name })}</h3>
      {failure ? <Notice tone="error" title={failure} /> : null}
      <TextField
        label={t('regions.newName')}
        required
        value={name}
        error={error}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="admin-form-buttons">
        <Button type="submit" loading={busy}>
          {t('adm.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('adm.cancel')}
        </Button>
      </div>
    </form>
  );
}
