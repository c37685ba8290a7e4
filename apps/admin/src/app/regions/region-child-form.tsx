import { useApiClient, Button, Notice, TextField } from '@fupin/ui';
import { REGION_LEVELS, REGION_LEVEL_LABELS, type RegionView } from '@fupin/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/language';
import { REGIONS_PATH } from '../common/region-queries';
import { useErrorText } from '../common/use-error-text';

interface RegionChildFormProps {
  parent: RegionView;
  onCreated: (region: RegionView) => void;
  onCancel: () => void;
}

/** Adds a town, village or group under `parent`: its code is the parent's plus three digits. */
export function RegionChildForm({ parent, onCreated, onCancel }: RegionChildFormProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const client = useApiClient();
  const errorText = useErrorText();
  const childLevel = REGION_LEVELS[REGION_LEVELS.indexOf(parent.level) + 1]!;
  const levelName = label(REGION_LEVEL_LABELS[childLevel]);
  const [suffix, setSuffix] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ suffix?: string; name?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      suffix: /^\d{3}$/.test(suffix) ? undefined : t('regions.child.suffixInvalid'),
      name: name.trim() ? undefined : t('regions.child.nameMissing'),
    };
    setErrors(found);
    if (found.suffix || found.name) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await client.post<RegionView>(REGIONS_PATH, {
        code: `${parent.code}${suffix}`,
        name: name.trim(),
      });
      onCreated(created);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-inline-form" onSubmit={submit} noValidate>
      <h3>{t('regions.child.title', { parent: parent.name, level: levelName })}</h3>
      {failure ? <Notice tone="error" title={failure} /> : null}
      <TextField
        label={t('regions.child.suffix')}
        hint={t('regions.child.suffixHint', { prefix: parent.code })}
        inputMode="numeric"
        maxLength={3}
        required
        value={suffix}
        error={errors.suffix}
        onChange={(event) => setSuffix(event.target.value.trim())}
      />
      <TextField
        label={t('regions.child.name', { level: levelName })}
        required
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="admin-form-buttons">
        <Button type="submit" loading={busy}>
          {t('regions.child.submit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('adm.cancel')}
        </Button>
      </div>
    </form>
  );
}
