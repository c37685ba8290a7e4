import { isApiClientError } from '@fupin/api-client';
import type { HouseholdDetail } from '@fupin/contracts';
import { Button, Notice, SelectField, TextAreaField, useApiClient, type SelectOption } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../common/use-error-text';
import { ConflictNotice } from './conflict-notice';

export interface ReasonedChangeFormProps {
  household: HouseholdDetail;
  title: string;
  /** The select's label and choices; the current value is marked and cannot be chosen again. */
  fieldLabel: string;
  options: readonly SelectOption[];
  current: string | null;
  /** `/classification` or `/status`, and the body's field name. */
  endpoint: 'classification' | 'status';
  field: 'subClass' | 'povertyStatus';
  onDone: (next: HouseholdDetail) => void;
  onCancel: () => void;
  /** Loads the household again (after a conflict). */
  onReload: () => void;
}

/** A class or status change: the new value and a required reason, which goes into the history. */
export function ReasonedChangeForm(props: ReasonedChangeFormProps) {
  const { household, title, fieldLabel, options, current, endpoint, field, onDone, onCancel, onReload } =
    props;
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      value: value ? undefined : t('households.change.valueMissing'),
      reason: reason.trim() ? undefined : t('households.change.reasonMissing'),
    };
    setErrors(found);
    if (found.value || found.reason) return;
    setBusy(true);
    setFailure(null);
    try {
      const next = await client.post<HouseholdDetail>(
        `/api/registry/households/${household.id}/${endpoint}`,
        {
          [field]: value,
          reason: reason.trim(),
          expectedVersion: household.version,
        },
      );
      onDone(next);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const conflict = isApiClientError(failure) && failure.code === 'VERSION_CONFLICT';
  return (
    <form className="admin-inline-form" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {conflict ? (
        <ConflictNotice
          onReload={() => {
            setFailure(null);
            onReload();
          }}
        />
      ) : failure ? (
        <Notice tone="error" title={errorText(failure)} />
      ) : null}
      <SelectField
        label={fieldLabel}
        required
        placeholder={t('adm.choose')}
        value={value}
        error={errors.value}
        options={options.map((option) => ({
          ...option,
          disabled: option.value === current,
          label: option.value === current ? `${option.label}${t('households.change.current')}` : option.label,
        }))}
        onChange={(event) => setValue(event.target.value)}
      />
      <TextAreaField
        label={t('households.change.reason')}
        hint={t('households.change.reasonHint')}
        required
        maxLength={500}
        value={reason}
        error={errors.reason}
        onChange={(event) => setReason(event.target.value)}
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
