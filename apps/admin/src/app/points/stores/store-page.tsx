import type { GoodsView, StoreView } from '@fupin/contracts';
import { ErrorState, LoadingState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';
import { GoodsPanel } from './goods-panel';
import { MovementsPanel } from './movements-panel';
import { ReceiptsPanel } from './receipts-panel';
import { ReservePanel } from './reserve-panel';
import { StockInPanel } from './stock-in-panel';

const TABS = ['goods', 'stockIn', 'movements', 'receipts', 'reserve'] as const;
type Tab = (typeof TABS)[number];

/** One love supermarket: its goods, stock in, movements, redemption receipts and points reserve. */
export function StorePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const [search] = useSearchParams();
  const mayWrite = can(user.role, 'points.stores.write');
  const tabs = TABS.filter((tab) => tab !== 'stockIn' || mayWrite);
  const asked = search.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'goods';
  const stores = useApiQuery((client, signal) => client.get<StoreView[]>(`${LEDGER}/stores`, { signal }), []);
  const goods = useApiQuery(
    (client, signal) => client.get<GoodsView[]>(`${LEDGER}/stores/${id}/goods`, { signal }),
    [id],
  );
  const store = stores.data?.find((s) => s.id === id);
  const back = <Link to="/points/stores">← {t('points.stores.backToList')}</Link>;
  if (goods.error && !goods.data)
    return (
      <div>
        <PageHeader title={t('points.stores.title')} back={back} />
        <ErrorState message={errorText(goods.error)} onRetry={goods.reload} />
      </div>
    );
  return (
    <div>
      <PageHeader
        title={store?.name ?? t('points.stores.title')}
        description={store ? t('points.stores.villageOf', { code: store.villageCode }) : undefined}
        back={back}
      />
      <nav className="points-tabs" aria-label={t('points.stores.sections')}>
        {tabs.map((name) => (
          <NavLink
            key={name}
            to={`?tab=${name}`}
            className={() => `fp-button fp-button--${tab === name ? 'primary' : 'secondary'} fp-button--md`}
            aria-current={tab === name ? 'page' : undefined}
            end
          >
            {t(`points.stores.tabs.${name}`)}
          </NavLink>
        ))}
      </nav>
      {!goods.data ? (
        <LoadingState />
      ) : tab === 'goods' ? (
        <GoodsPanel storeId={id} goods={goods.data} mayWrite={mayWrite} onChanged={goods.reload} />
      ) : tab === 'stockIn' ? (
        <StockInPanel storeId={id} goods={goods.data} onChanged={goods.reload} />
      ) : tab === 'movements' ? (
        <MovementsPanel storeId={id} goods={goods.data} />
      ) : tab === 'receipts' ? (
        <ReceiptsPanel storeId={id} mayVoid={mayWrite} onChanged={goods.reload} />
      ) : (
        <ReservePanel storeId={id} />
      )}
    </div>
  );
}
