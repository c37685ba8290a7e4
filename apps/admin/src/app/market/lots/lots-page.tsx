import type { Paginated, TransferListItem } from '@fupin/contracts';
import { Button, TextField } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { MARKET, NEXT_LEVEL } from '../market-api';
import '../market.css';
import { LotList } from './lot-list';
import './lots.css';
import { TransferList } from './transfer-list';

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

type View = 'lots' | 'incoming' | 'outgoing' | 'transfers';

/**
 * 批次与调运: the lots at the user's place; what is on the way to it (待收货, one tap from the receive
 * form) and what it sent; county staff and auditors see every place's lots and transfers. Below,
 * a lot or transfer opened by the number printed on its slip or note.
 */
export function LotsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [search] = useSearchParams();
  const scope = user.scope;
  const orgType = scope.kind === 'organisation' ? scope.orgType : null;
  // Lots come in to a station or the supermarket, and go out from a point or a station.
  const receives = orgType !== null && Object.values(NEXT_LEVEL).includes(orgType);
  const sends = orgType !== null && NEXT_LEVEL[orgType] !== undefined;
  const views: View[] =
    scope.kind === 'organisation'
      ? ['lots', ...(receives ? (['incoming'] as const) : []), ...(sends ? (['outgoing'] as const) : [])]
      : ['lots', 'transfers'];
  const asked = search.get('view') as View | null;
  const view: View = asked && views.includes(asked) ? asked : 'lots';
  const waiting = useApiQuery(
    (client, signal) =>
      client.get<Paginated<TransferListItem>>(`${MARKET}/transfers`, {
        query: { direction: 'incoming', status: 'sent', pageSize: 1 },
        signal,
      }),
    [view],
    receives,
  );
  const label = (v: View) =>
    v === 'lots'
      ? t(scope.kind === 'organisation' ? 'market.lots.tabs.lots' : 'market.lots.tabs.allLots')
      : v === 'incoming' && waiting.data
        ? t('market.lots.tabs.incomingCount', { count: waiting.data.total })
        : t(`market.lots.tabs.${v}`);
  return (
    <div className="market-lots">
      <PageHeader title={t('market.lots.title')} description={t('market.lots.description')} />
      <nav className="market-lots__views" aria-label={t('market.lots.views')}>
        {views.map((v) => (
          <Link
            key={v}
            to={v === 'lots' ? '/market/lots' : `/market/lots?view=${v}`}
            aria-current={v === view ? 'page' : undefined}
            className={`fp-button fp-button--lg ${v === view ? 'fp-button--primary' : 'fp-button--secondary'}`}
          >
            {label(v)}
          </Link>
        ))}
      </nav>
      <section className="admin-section" aria-label={label(view)}>
        {view === 'lots' ? (
          <LotList />
        ) : view === 'transfers' ? (
          <TransferList />
        ) : (
          <TransferList key={view} direction={view} />
        )}
      </section>
      <section className="admin-section">
        <h2>{t('market.lots.find')}</h2>
        <OpenByNumber />
      </section>
    </div>
  );
}
