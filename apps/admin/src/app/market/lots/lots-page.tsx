import type { LotView, PurchaseView } from '@fupin/contracts';
import {
  Button,
  CheckboxField,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  TextField,
  useApiClient,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { gramsToKg } from '../market-units';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opens a lot or a transfer by the number printed on a weigh slip or transfer note. */
function OpenByNumber() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const [lotId, setLotId] = useState('');
  const [transferId, setTransferId] = useState('');
  const [problem, setProblem] = useState<{ lot?: string; transfer?: string }>({});
  const open = (event: FormEvent, kind: 'lot' | 'transfer') => {
    event.preventDefault();
    const value = (kind === 'lot' ? lotId : transferId).trim().toLowerCase();
    if (!UUID.test(value)) return setProblem({ [kind]: t('market.lots.badNumber') });
    void navigate(kind === 'lot' ? `/market/lots/${value}` : `/market/transfers/${value}/receive`);
  };
  return (
    <div className="admin-form-grid">
      <form
        className="admin-inline-form"
        aria-label={t('market.lots.openLot')}
        onSubmit={(e) => open(e, 'lot')}
      >
        <TextField
          label={t('market.lots.lotNumber')}
          hint={t('market.lots.lotNumberHint')}
          className="admin-mono"
          value={lotId}
          error={problem.lot}
          onChange={(event) => setLotId(event.target.value)}
        />
        <Button type="submit">{t('market.lots.openLot')}</Button>
      </form>
      {can(user.role, 'market.lots.write') ? (
        <form
          className="admin-inline-form"
          aria-label={t('market.lots.receiveTransfer')}
          onSubmit={(e) => open(e, 'transfer')}
        >
          <TextField
            label={t('market.lots.transferNumber')}
            hint={t('market.lots.transferNumberHint')}
            className="admin-mono"
            value={transferId}
            error={problem.transfer}
            onChange={(event) => setTransferId(event.target.value)}
          />
          <Button type="submit">{t('market.lots.receiveTransfer')}</Button>
        </form>
      ) : null}
    </div>
  );
}

/** The point's lots from its latest purchases, with a merge of several same-produce lots into one. */
function PointLots() {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const user = useUser();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [merged, setMerged] = useState<LotView | null>(null);
  const purchases = useApiQuery(
    (client, signal) => client.get<PurchaseView[]>(`${MARKET}/purchases`, { signal }),
    [],
  );
  const merge = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const lot = await client.post<LotView>(`${MARKET}/lots/merge`, { lotIds: chosen });
      setMerged(lot);
      setChosen([]);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  if (purchases.error) return <ErrorState message={errorText(purchases.error)} onRetry={purchases.reload} />;
  if (!purchases.data) return <LoadingState label={t('market.loading')} />;
  if (purchases.data.length === 0) return <EmptyState title={t('market.lots.noRecent')} />;
  const mayMerge = can(user.role, 'market.lots.write');
  return (
    <div>
      {merged ? (
        <Notice
          tone="ok"
          title={t('market.lots.merged', { code: merged.traceCode, kg: gramsToKg(merged.weightGrams) })}
        >
          <Link to={`/market/lots/${merged.id}`}>{t('market.lots.openMerged')}</Link>
        </Notice>
      ) : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <ul className="market-lot-list">
        {purchases.data.slice(0, 50).map((purchase) => (
          <li key={purchase.id}>
            {mayMerge ? (
              <CheckboxField
                label={t('market.lots.pick', {
                  code: purchase.traceCode,
                  produce: purchase.produce,
                  grade: t(`market.grades.${purchase.grade}`),
                  kg: gramsToKg(purchase.weightGrams),
                })}
                checked={chosen.includes(purchase.lotId)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, purchase.lotId]
                      : current.filter((id) => id !== purchase.lotId),
                  )
                }
              />
            ) : null}
            <Link to={`/market/lots/${purchase.lotId}`} className="admin-mono">
              {t('market.lots.open', { code: purchase.traceCode })}
            </Link>
          </li>
        ))}
      </ul>
      {mayMerge ? (
        <Button disabled={chosen.length < 2} loading={busy} onClick={merge}>
          {t('market.lots.merge', { count: chosen.length })}
        </Button>
      ) : null}
    </div>
  );
}

/** 批次与调运: find a lot or an incoming transfer; at a collection point, the lots it bought. */
export function LotsPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <div>
      <PageHeader title={t('market.lots.title')} description={t('market.lots.description')} />
      <section className="admin-section">
        <h2>{t('market.lots.find')}</h2>
        <OpenByNumber />
      </section>
      {user.role === 'collector' &&
      user.scope.kind === 'organisation' &&
      user.scope.orgType === 'collection_point' ? (
        <section className="admin-section">
          <h2>{t('market.lots.recent')}</h2>
          <PointLots />
        </section>
      ) : null}
    </div>
  );
}
