import { isApiClientError } from '@fupin/api-client';
import type { HouseholdPayoutsView, KioskSessionResponse } from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import {
  Button,
  DataTable,
  EmptyState,
  Notice,
  StatusBadge,
  TextField,
  useApiClient,
  type DataTableColumn,
  type StatusTone,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useErrorText } from '../../common/use-error-text';
import { useKindLabel } from '../fund-flow/fund-flow-words';
import { PUBLIC_API } from './public-api';
import { PublicLinks } from './public-links';

type Payout = HouseholdPayoutsView['payouts'][number];
type FundPayment = HouseholdPayoutsView['fundPayments'][number];
const STATUS_TONE: Record<Payout['status'], StatusTone> = {
  pending: 'pending',
  paid: 'ok',
  failed: 'error',
  retried: 'neutral',
};

/**
 * 我家的分红: a villager types the points-card number and PIN; the registry signs the household in
 * (the token stays in this page's memory only) and the dividends service answers with that
 * household's own payouts and fund payments.
 */
export function HouseholdPayoutsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const kindLabel = useKindLabel();
  const [card, setCard] = useState('');
  const [pin, setPin] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [view, setView] = useState<HouseholdPayoutsView | null>(null);
  const cardOk = card.trim().length >= 1 && card.trim().length <= 64;
  const pinOk = /^\d{4,6}$/.test(pin);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!cardOk || !pinOk) return;
    setBusy(true);
    setFailure(null);
    try {
      let session: KioskSessionResponse;
      try {
        session = await client.post<KioskSessionResponse>(PUBLIC_API.householdSignIn, {
          cardNumber: card.trim().toUpperCase(),
          pin,
        });
      } catch (error) {
        // The registry has no card + PIN sign-in outside a kiosk yet: say so plainly.
        if (isApiClientError(error) && (error.status === 404 || error.status === 405)) {
          setFailure(t('divPublic.mine.unavailable'));
          return;
        }
        throw error;
      }
      setView(
        await client.get<HouseholdPayoutsView>(PUBLIC_API.myPayouts, {
          headers: { Authorization: `Bearer ${session.accessToken}` },
        }),
      );
      setPin('');
      setChecked(false);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const payoutColumns: DataTableColumn<Payout>[] = [
    {
      key: 'title',
      header: t('divPublic.mine.columns.title'),
      rowHeader: true,
      render: (p) => p.distributionTitle,
    },
    { key: 'entity', header: t('divPublic.mine.columns.entity'), render: (p) => p.entityName },
    {
      key: 'period',
      header: t('divPublic.mine.columns.period'),
      render: (p) => t('divPublic.notices.until', { from: p.periodStart, to: p.periodEnd }),
    },
    {
      key: 'amount',
      header: t('divPublic.mine.columns.amount'),
      align: 'end',
      render: (p) => formatFen(toFen(p.amountFen)),
    },
    {
      key: 'status',
      header: t('divPublic.mine.columns.status'),
      render: (p) => (
        <StatusBadge tone={STATUS_TONE[p.status]}>{t(`divPublic.mine.status.${p.status}`)}</StatusBadge>
      ),
    },
    {
      key: 'account',
      header: t('divPublic.mine.columns.account'),
      render: (p) => p.bankAccountMasked ?? '—',
    },
  ];
  const fundColumns: DataTableColumn<FundPayment>[] = [
    {
      key: 'source',
      header: t('divPublic.mine.columns.source'),
      rowHeader: true,
      render: (f) => `${f.sourceName}（${kindLabel(f.kind)}）`,
    },
    { key: 'purpose', header: t('divPublic.mine.columns.purpose'), render: (f) => f.purpose },
    {
      key: 'amount',
      header: t('divPublic.mine.columns.amount'),
      align: 'end',
      render: (f) => formatFen(toFen(f.amountFen)),
    },
    {
      key: 'date',
      header: t('divPublic.mine.columns.date'),
      render: (f) => formatDateTime(f.createdAt, language),
    },
  ];

  return (
    <div className="div-public">
      <PublicLinks />
      <PageHeader
        title={t('divPublic.mine.title')}
        description={t('divPublic.mine.description')}
        actions={
          view ? (
            <Button variant="secondary" onClick={() => setView(null)}>
              {t('divPublic.mine.signOut')}
            </Button>
          ) : null
        }
      />
      {view ? (
        <>
          <h2>
            {t('divPublic.mine.greeting', {
              name: view.household.headName,
              number: view.household.householdNumber,
            })}
          </h2>
          <DataTable
            stackOnPhone
            caption={t('divPublic.mine.payoutsCaption')}
            columns={payoutColumns}
            rows={view.payouts}
            rowKey={(p) => p.id}
            empty={<EmptyState title={t('divPublic.mine.noPayouts')} />}
          />
          <DataTable
            stackOnPhone
            caption={t('divPublic.mine.fundsCaption')}
            columns={fundColumns}
            rows={view.fundPayments}
            rowKey={(f) => f.id}
            empty={<EmptyState title={t('divPublic.mine.noFunds')} />}
          />
        </>
      ) : (
        <form className="div-public-card-form" onSubmit={submit} noValidate>
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <TextField
            label={t('divPublic.mine.card')}
            hint={t('divPublic.mine.cardHint')}
            required
            autoComplete="off"
            value={card}
            onChange={(event) => setCard(event.target.value)}
            error={checked && !cardOk ? t('divPublic.mine.errors.card') : undefined}
          />
          <TextField
            label={t('divPublic.mine.pin')}
            hint={t('divPublic.mine.pinHint')}
            required
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
            error={checked && !pinOk ? t('divPublic.mine.errors.pin') : undefined}
          />
          <Button type="submit" size="lg" loading={busy}>
            {t('divPublic.mine.submit')}
          </Button>
        </form>
      )}
    </div>
  );
}
