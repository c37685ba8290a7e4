import type { HouseholdDetail } from '@fupin/contracts';
import { StatusBadge } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { can } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { DetailList } from '../common/detail-list';
import { formatDateTime } from '../common/format';
import { useLanguage } from '../common/language';
import { BankAccountReveal } from './bank-account-reveal';
import { CardText, HouseholdClassText, PovertyStatusBadge } from './household-badges';

/** The household's own facts: place, contact, card, bank account (masked), class and status. */
export function HouseholdInfo({ household }: { household: HouseholdDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useUser();
  return (
    <section className="admin-section" aria-labelledby="household-info-title">
      <h2 id="household-info-title">{t('households.detail.info')}</h2>
      <DetailList
        items={[
          {
            label: t('households.columns.number'),
            value: <span className="admin-mono">{household.householdNumber}</span>,
          },
          { label: t('households.columns.head'), value: household.headName },
          { label: t('households.detail.village'), value: household.villageName },
          { label: t('households.detail.group'), value: household.groupName },
          {
            label: t('households.columns.status'),
            value: <PovertyStatusBadge status={household.povertyStatus} />,
          },
          { label: t('households.columns.class'), value: <HouseholdClassText household={household} /> },
          { label: t('households.detail.phone'), value: household.phone },
          { label: t('households.columns.card'), value: <CardText household={household} /> },
          {
            label: t('households.detail.pin'),
            value: (
              <StatusBadge tone={household.hasPin ? 'ok' : 'neutral'}>
                {t(household.hasPin ? 'households.detail.pinSet' : 'households.detail.pinNotSet')}
              </StatusBadge>
            ),
          },
          { label: t('households.detail.bankName'), value: household.bankName },
          {
            label: t('households.detail.bankAccount'),
            value: household.bankAccountMasked ? (
              <BankAccountReveal
                householdId={household.id}
                masked={household.bankAccountMasked}
                mayReveal={can(user.role, 'households.bankAccount')}
              />
            ) : null,
          },
          { label: t('households.detail.createdAt'), value: formatDateTime(household.createdAt, language) },
          { label: t('households.detail.updatedAt'), value: formatDateTime(household.updatedAt, language) },
        ]}
      />
    </section>
  );
}
