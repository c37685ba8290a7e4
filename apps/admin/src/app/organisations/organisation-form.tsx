import {
  ORGANISATION_REGION_LEVELS,
  ORGANISATION_TYPES,
  ORGANISATION_TYPE_LABELS,
  REGION_LEVELS,
  REGION_LEVEL_LABELS,
  phoneSchema,
  regionLevelOf,
  type OrganisationType,
  type OrganisationView,
} from '@fupin/contracts';
import { Button, Notice, SelectField, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { scopeRegionCode } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { fieldProblem } from '../common/field-check';
import { useLabel, useLanguage } from '../common/language';
import { RegionPicker } from '../common/region-picker';
import { useErrorText } from '../common/use-error-text';

type Field = 'type' | 'name' | 'region' | 'contactName' | 'contactPhone';

/** Register an organisation (type and region fixed from then on), or change its name and contact. */
export function OrganisationForm({ existing }: { existing?: OrganisationView }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const user = useUser();
  const root = scopeRegionCode(user.scope);
  const [type, setType] = useState<OrganisationType | ''>(existing?.type ?? '');
  const [region, setRegion] = useState('');
  const [values, setValues] = useState({
    name: existing?.name ?? '',
    contactName: existing?.contactName ?? '',
    contactPhone: existing?.contactPhone ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const levels = type ? ORGANISATION_REGION_LEVELS[type] : [];
  const deepest =
    [...levels].sort((a, b) => REGION_LEVELS.indexOf(b) - REGION_LEVELS.indexOf(a))[0] ?? 'village';
  const place = region || root;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!existing && !type) found.type = t('orgs.form.typeMissing');
    if (!values.name.trim()) found.name = t('orgs.form.nameMissing');
    const level = regionLevelOf(place);
    if (!existing && type && (!level || !levels.includes(level))) found.region = t('orgs.form.regionLevel');
    if (values.contactPhone.trim())
      found.contactPhone = fieldProblem(phoneSchema, values.contactPhone, language);
    const fieldErrors = Object.fromEntries(Object.entries(found).filter(([, v]) => v));
    setErrors(fieldErrors);
    setFailure(null);
    if (Object.keys(fieldErrors).length > 0) return;
    const contact = {
      contactName: values.contactName.trim() || null,
      contactPhone: values.contactPhone.trim() || null,
    };
    setBusy(true);
    try {
      const saved = existing
        ? await client.patch<OrganisationView>(`/api/registry/organisations/${existing.id}`, {
            name: values.name.trim(),
            ...contact,
          })
        : await client.post<OrganisationView>('/api/registry/organisations', {
            type,
            name: values.name.trim(),
            regionCode: place,
            ...contact,
          });
      navigate(`/organisations/${saved.id}`, { state: { saved: existing ? 'updated' : 'created' } });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: 'name' | 'contactName' | 'contactPhone', required = false) => (
    <TextField
      label={t(`orgs.form.${field}`)}
      required={required}
      value={values[field]}
      error={errors[field]}
      onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="admin-narrow">
      {failure ? <Notice tone="error" title={failure} /> : null}
      {existing ? (
        <p className="admin-muted">
          {t('orgs.form.fixed', {
            type: label(ORGANISATION_TYPE_LABELS[existing.type]),
            region: existing.regionName,
          })}
        </p>
      ) : (
        <>
          <SelectField
            label={t('orgs.columns.type')}
            required
            placeholder={t('adm.choose')}
            value={type}
            error={errors.type}
            options={ORGANISATION_TYPES.map((value) => ({
              value,
              label: label(ORGANISATION_TYPE_LABELS[value]),
            }))}
            onChange={(event) => {
              setType(event.target.value as OrganisationType | '');
              setRegion('');
            }}
          />
          {type ? (
            <RegionPicker
              legend={t('orgs.columns.region')}
              hint={t('orgs.form.regionLevels', {
                levels: levels.map((level) => label(REGION_LEVEL_LABELS[level])).join(' / '),
              })}
              rootCode={root}
              value={region}
              onChange={setRegion}
              maxLevel={deepest}
              mode="choose"
              error={errors.region}
            />
          ) : null}
        </>
      )}
      {text('name', true)}
      {text('contactName')}
      {text('contactPhone')}
      <div className="admin-form-buttons">
        <Button type="submit" size="lg" loading={busy}>
          {existing ? t('adm.save') : t('orgs.create')}
        </Button>
        <Link
          className="fp-button fp-button--ghost fp-button--md"
          to={existing ? `/organisations/${existing.id}` : '/organisations'}
        >
          {t('adm.cancel')}
        </Link>
      </div>
    </form>
  );
}
