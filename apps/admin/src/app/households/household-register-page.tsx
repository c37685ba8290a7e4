import { isApiClientError } from '@fupin/api-client';
import {
  bankAccountNumberSchema,
  householdNumberSchema,
  phoneSchema,
  pointsCardNumberSchema,
  type HouseholdDetail,
  type PovertyStatus,
  type RegisterHouseholdBody,
} from '@fupin/contracts';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { scopeRegionCode } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { fieldProblem } from '../common/field-check';
import { useLanguage } from '../common/language';
import { PageHeader } from '../common/page-header';
import { RegionPicker } from '../common/region-picker';
import { useErrorText } from '../common/use-error-text';
import type { HouseholdPageState } from './household-detail-page';
import { HouseholdStatusFields } from './household-status-fields';
import { HOUSEHOLDS_PATH } from './households-page';
import {
  emptyMember,
  hasMemberErrors,
  memberInputs,
  validateMembers,
  type MemberDraft,
  type MemberErrors,
} from './member-drafts';
import { MembersEditor } from './members-editor';

type Field =
  'householdNumber' | 'region' | 'phone' | 'pointsCardNumber' | 'bankName' | 'bankAccount' | 'povertyStatus';

/** 建档立卡: registers one household with its members, checked as the registry will check it. */
export function HouseholdRegisterPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const user = useUser();
  const root = scopeRegionCode(user.scope);
  const [values, setValues] = useState<Record<Exclude<Field, 'region'>, string>>({
    householdNumber: '',
    phone: '',
    pointsCardNumber: '',
    bankName: '',
    bankAccount: '',
    povertyStatus: '',
  });
  const [subClass, setSubClass] = useState('');
  const [region, setRegion] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>(() => [emptyMember('head')]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [memberErrors, setMemberErrors] = useState<MemberErrors>({ fields: {} });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const place = region || root;

  const validate = () => {
    const found: Partial<Record<Field, string>> = {
      householdNumber: fieldProblem(householdNumberSchema, values.householdNumber, language),
      region: place.length >= 12 ? undefined : t('households.form.villageMissing'),
      phone: values.phone.trim() ? fieldProblem(phoneSchema, values.phone, language) : undefined,
      pointsCardNumber: values.pointsCardNumber.trim()
        ? fieldProblem(pointsCardNumberSchema, values.pointsCardNumber, language)
        : undefined,
      bankAccount: values.bankAccount.trim()
        ? fieldProblem(bankAccountNumberSchema, values.bankAccount, language)
        : undefined,
      bankName:
        !values.bankName.trim() && values.bankAccount.trim()
          ? t('households.form.bankNameMissing')
          : undefined,
      povertyStatus: values.povertyStatus ? undefined : t('households.form.statusMissing'),
    };
    if (values.bankName.trim() && !values.bankAccount.trim())
      found.bankAccount = t('households.form.bankAccountMissing');
    return Object.fromEntries(Object.entries(found).filter(([, v]) => v)) as Partial<Record<Field, string>>;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    const foundMembers = validateMembers(members, t);
    setErrors(found);
    setMemberErrors(foundMembers);
    setFailure(null);
    if (Object.keys(found).length > 0 || hasMemberErrors(foundMembers)) {
      setFailure(t('households.form.fixErrors'));
      return;
    }
    const body: RegisterHouseholdBody = {
      householdNumber: values.householdNumber.trim(),
      villageCode: place.slice(0, 12),
      groupCode: place.length === 15 ? place : null,
      phone: values.phone.trim() || null,
      pointsCardNumber: values.pointsCardNumber.trim() || null,
      bankAccount: values.bankAccount.trim()
        ? { bankName: values.bankName.trim(), accountNumber: values.bankAccount }
        : null,
      povertyStatus: values.povertyStatus as PovertyStatus,
      subClass: (subClass || null) as RegisterHouseholdBody['subClass'],
      members: memberInputs(members),
    };
    setBusy(true);
    try {
      const created = await client.post<HouseholdDetail>(HOUSEHOLDS_PATH, body);
      const state: HouseholdPageState = { saved: 'registered' };
      navigate(`/households/${created.id}`, { state });
    } catch (error) {
      if (isApiClientError(error) && error.code === 'HOUSEHOLD_NUMBER_TAKEN')
        setErrors({ householdNumber: errorText(error) });
      else if (isApiClientError(error) && error.code === 'POINTS_CARD_TAKEN')
        setErrors({ pointsCardNumber: errorText(error) });
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    field: Exclude<Field, 'region' | 'povertyStatus'>,
    extra: { required?: boolean; hint?: string } = {},
  ) => (
    <TextField
      label={t(`households.form.${field}`)}
      required={extra.required}
      hint={extra.hint}
      value={values[field]}
      error={errors[field]}
      onChange={(event) => set(field)(event.target.value)}
    />
  );

  return (
    <div className="admin-household-form">
      <PageHeader
        title={t('households.register')}
        back={<Link to="/households">← {t('households.backToList')}</Link>}
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      <form onSubmit={submit} noValidate>
        <section className="admin-section" aria-labelledby="register-household-title">
          <h2 id="register-household-title">{t('households.form.household')}</h2>
          {text('householdNumber', { required: true, hint: t('households.form.householdNumberHint') })}
          <RegionPicker
            legend={t('households.form.place')}
            rootCode={root}
            value={region}
            onChange={setRegion}
            mode="choose"
            error={errors.region}
          />
          <div className="admin-form-grid">
            {text('phone')}
            {text('pointsCardNumber', { hint: t('households.form.pointsCardHint') })}
          </div>
          <div className="admin-form-grid">
            {text('bankName')}
            {text('bankAccount', { hint: t('households.form.bankAccountHint') })}
          </div>
          <HouseholdStatusFields
            povertyStatus={values.povertyStatus}
            subClass={subClass}
            onPovertyStatus={set('povertyStatus')}
            onSubClass={setSubClass}
            statusError={errors.povertyStatus}
          />
        </section>
        <section className="admin-section" aria-labelledby="register-members-title">
          <h2 id="register-members-title">{t('households.members.title', { count: members.length })}</h2>
          <MembersEditor members={members} onChange={setMembers} errors={memberErrors} />
        </section>
        <div className="admin-form-buttons">
          <Button type="submit" size="lg" loading={busy}>
            {t('households.form.submitRegister')}
          </Button>
          <Link className="fp-button fp-button--ghost fp-button--md" to="/households">
            {t('adm.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
