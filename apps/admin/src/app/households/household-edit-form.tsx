import { isApiClientError } from '@fupin/api-client';
import {
  bankAccountNumberSchema,
  phoneSchema,
  pointsCardNumberSchema,
  type HouseholdDetail,
  type UpdateHouseholdBody,
} from '@fupin/contracts';
import { Button, CheckboxField, Notice, SelectField, TextField } from '@fupin/ui';
import { useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { fieldProblem } from '../common/field-check';
import { useLanguage } from '../common/language';
import { loadChildRegions } from '../common/region-queries';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { ConflictNotice } from './conflict-notice';
import type { HouseholdPageState } from './household-detail-page';
import { HOUSEHOLDS_PATH } from './households-page';
import {
  draftFromMember,
  hasMemberErrors,
  memberInputs,
  validateMembers,
  type MemberDraft,
  type MemberErrors,
} from './member-drafts';
import { MembersEditor } from './members-editor';

type Field = 'phone' | 'groupCode' | 'pointsCardNumber' | 'bankName' | 'bankAccount';

/**
 * Phone, group, card, bank account and members, saved with the version the page read: when
 * someone else saved in between, the registry refuses and the page says so and offers a reload.
 */
export function HouseholdEditForm({
  household,
  onReload,
}: {
  household: HouseholdDetail;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const groups = useApiQuery(
    (c, signal) => loadChildRegions(c, household.villageCode, signal),
    [household.villageCode],
  );
  const [values, setValues] = useState<Record<Field, string>>({
    phone: household.phone ?? '',
    groupCode: household.groupCode ?? '',
    pointsCardNumber: household.pointsCardNumber ?? '',
    bankName: household.bankName ?? '',
    bankAccount: '',
  });
  const [clearBank, setClearBank] = useState(false);
  const [editMembers, setEditMembers] = useState(false);
  const [members, setMembers] = useState<MemberDraft[]>(() => household.members.map(draftFromMember));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [memberErrors, setMemberErrors] = useState<MemberErrors>({ fields: {} });
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: Field, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const changes = (): UpdateHouseholdBody => {
    const body: UpdateHouseholdBody = {};
    const phone = values.phone.trim() || null;
    if (phone !== household.phone) body.phone = phone;
    const group = values.groupCode || null;
    if (group !== household.groupCode) body.groupCode = group;
    const card = values.pointsCardNumber.trim().toUpperCase() || null;
    if (card !== household.pointsCardNumber) body.pointsCardNumber = card;
    if (clearBank) body.bankAccount = null;
    else if (values.bankAccount.trim())
      body.bankAccount = { bankName: values.bankName.trim(), accountNumber: values.bankAccount };
    if (editMembers) body.members = memberInputs(members);
    return body;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (values.phone.trim()) found.phone = fieldProblem(phoneSchema, values.phone, language);
    if (values.pointsCardNumber.trim())
      found.pointsCardNumber = fieldProblem(pointsCardNumberSchema, values.pointsCardNumber, language);
    if (!clearBank && values.bankAccount.trim()) {
      found.bankAccount = fieldProblem(bankAccountNumberSchema, values.bankAccount, language);
      if (!values.bankName.trim()) found.bankName = t('households.form.bankNameMissing');
    }
    if (!clearBank && !values.bankAccount.trim() && values.bankName.trim() !== (household.bankName ?? '')) {
      found.bankAccount = t('households.edit.bankAccountAgain');
    }
    const foundMembers = editMembers ? validateMembers(members, t) : { fields: {} };
    const fieldErrors = Object.fromEntries(Object.entries(found).filter(([, v]) => v));
    setErrors(fieldErrors);
    setMemberErrors(foundMembers);
    setFailure(null);
    if (Object.keys(fieldErrors).length > 0 || hasMemberErrors(foundMembers)) {
      setFailure(t('households.form.fixErrors'));
      return;
    }
    const body = changes();
    if (Object.keys(body).length === 0) {
      setFailure(t('households.edit.nothing'));
      return;
    }
    setBusy(true);
    try {
      await client.patch<HouseholdDetail>(`${HOUSEHOLDS_PATH}/${household.id}`, {
        ...body,
        expectedVersion: household.version,
      });
      const state: HouseholdPageState = { saved: 'updated' };
      navigate(`/households/${household.id}`, { state });
    } catch (error) {
      if (isApiClientError(error) && error.code === 'POINTS_CARD_TAKEN')
        setErrors({ pointsCardNumber: errorText(error) });
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const conflict = isApiClientError(failure) && failure.code === 'VERSION_CONFLICT';
  const text = (field: Exclude<Field, 'groupCode'>, hint?: string) => (
    <TextField
      label={t(`households.form.${field}`)}
      hint={hint}
      value={values[field]}
      error={errors[field]}
      disabled={clearBank && (field === 'bankName' || field === 'bankAccount')}
      onChange={(event) => set(field, event.target.value)}
    />
  );
  return (
    <form onSubmit={submit} noValidate>
      {conflict ? (
        <ConflictNotice onReload={onReload} reloadLabel={t('households.conflict.reloadForm')} />
      ) : failure ? (
        <Notice tone="error" title={typeof failure === 'string' ? failure : errorText(failure)} />
      ) : null}
      <section className="admin-section" aria-labelledby="edit-household-title">
        <h2 id="edit-household-title">{t('households.form.household')}</h2>
        <div className="admin-form-grid">
          {text('phone')}
          <SelectField
            label={t('households.form.groupCode')}
            placeholder={t('households.form.noGroup')}
            value={values.groupCode}
            disabled={!groups.data}
            options={(groups.data?.items ?? []).map((group) => ({ value: group.code, label: group.name }))}
            onChange={(event) => set('groupCode', event.target.value)}
          />
          {text('pointsCardNumber', t('households.form.pointsCardHint'))}
        </div>
        <h3>{t('households.edit.bank')}</h3>
        <p className="admin-muted">
          {household.bankAccountMasked
            ? t('households.edit.bankOnRecord', {
                bank: household.bankName,
                masked: household.bankAccountMasked,
              })
            : t('households.edit.noBank')}
        </p>
        <div className="admin-form-grid">
          {text('bankName')}
          {text('bankAccount', t('households.edit.bankAccountHint'))}
        </div>
        {household.bankAccountMasked ? (
          <CheckboxField
            label={t('households.edit.clearBank')}
            checked={clearBank}
            onChange={(event) => setClearBank(event.target.checked)}
          />
        ) : null}
      </section>
      <section className="admin-section" aria-labelledby="edit-members-title">
        <h2 id="edit-members-title">{t('households.members.title', { count: members.length })}</h2>
        {editMembers ? (
          <>
            <Notice tone="warning" title={t('households.edit.membersWarning')} />
            <MembersEditor members={members} onChange={setMembers} errors={memberErrors} />
          </>
        ) : (
          <>
            <p className="admin-muted">{household.members.map((member) => member.name).join('、')}</p>
            <Button variant="secondary" onClick={() => setEditMembers(true)}>
              {t('households.edit.editMembers')}
            </Button>
          </>
        )}
      </section>
      <div className="admin-form-buttons">
        <Button type="submit" size="lg" loading={busy}>
          {t('adm.save')}
        </Button>
        <Link className="fp-button fp-button--ghost fp-button--md" to={`/households/${household.id}`}>
          {t('adm.cancel')}
        </Link>
      </div>
    </form>
  );
}
