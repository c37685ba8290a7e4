import type { ProductView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { Button, ErrorState, LoadingState, NumberField, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import '../market.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 装箱上架: boxes packed from a lot that arrived at the county supermarket. */
function StockForm({ product, lotId, onDone }: { product: ProductView; lotId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [lot, setLot] = useState(lotId);
  const [quantity, setQuantity] = useState<number | null>(null);
  const [problems, setProblems] = useState<{ lot?: string; quantity?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!UUID.test(lot.trim())) found.lot = t('market.lots.badNumber');
    if (quantity === null || quantity < 1 || quantity > 100_000)
      found.quantity = t('market.catalogue.stock.quantityWrong');
    setProblems(found);
    if (Object.keys(found).length > 0 || quantity === null) return;
    setBusy(true);
    setFailure(null);
    try {
      const updated = await client.post<ProductView>(`${MARKET}/products/${product.id}/stock`, {
        lotId: lot.trim().toLowerCase(),
        quantity,
      });
      setDone(t('market.catalogue.stock.done', { count: quantity, available: updated.available }));
      setQuantity(null);
      onDone();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="admin-inline-form"
      aria-label={t('market.catalogue.stock.title')}
      onSubmit={submit}
      noValidate
    >
      <h3>{t('market.catalogue.stock.title')}</h3>
      {done ? <Notice tone="ok" title={done} /> : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <TextField
        label={t('market.catalogue.stock.lot')}
        hint={t('market.catalogue.stock.lotHint')}
        className="admin-mono"
        required
        value={lot}
        error={problems.lot}
        onChange={(event) => setLot(event.target.value)}
      />
      <NumberField
        label={t('market.catalogue.stock.quantity')}
        unit={t('market.box')}
        required
        value={quantity}
        error={problems.quantity}
        onValueChange={setQuantity}
      />
      <Button type="submit" loading={busy}>
        {t('market.catalogue.stock.submit')}
      </Button>
    </form>
  );
}

/** One product: price, stock, its public trace link, and (for the supermarket's staff) packing boxes from a lot. */
export function ProductDetailPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const product = useApiQuery(
    (client, signal) => client.get<ProductView>(`${MARKET}/products/${id}`, { signal }),
    [id],
  );
  const back = <Link to="/market/catalogue">{t('market.catalogue.back')}</Link>;
  if (product.error)
    return (
      <div>
        <PageHeader title={t('market.catalogue.title')} back={back} />
        <ErrorState message={errorText(product.error)} onRetry={product.reload} />
      </div>
    );
  if (!product.data) return <LoadingState label={t('market.loading')} />;
  const view = product.data;
  const publicPage = `${window.location.origin}/public/market/trace/${encodeURIComponent(view.sku)}`;
  const apiLink = `${window.location.origin}${MARKET}/trace/${encodeURIComponent(view.sku)}`;
  return (
    <div>
      <PageHeader title={view.name} back={back} description={`${view.spec} · ${view.packageDescription}`} />
      <dl className="admin-details">
        <dt>{t('market.catalogue.columns.sku')}</dt>
        <dd className="admin-mono">{view.sku}</dd>
        <dt>{t('market.catalogue.columns.category')}</dt>
        <dd>{view.category}</dd>
        <dt>{t('market.catalogue.columns.price')}</dt>
        <dd>{formatFen(view.retailPriceFen)}</dd>
        <dt>{t('market.catalogue.columns.available')}</dt>
        <dd>{t('market.boxes', { count: view.available })}</dd>
        <dt>{t('market.catalogue.fields.origin')}</dt>
        <dd className="admin-mono">{view.originVillageCode}</dd>
        <dt>{t('market.catalogue.trace')}</dt>
        <dd className="market-trace-link">
          <Link to={`/public/market/trace/${encodeURIComponent(view.sku)}`}>{publicPage}</Link>
          <div className="admin-muted">
            {t('market.catalogue.traceApi')} <span className="admin-mono">{apiLink}</span>
          </div>
        </dd>
      </dl>
      {can(user.role, 'market.stock') ? (
        <StockForm product={view} lotId={search.get('stockLot') ?? ''} onDone={product.reload} />
      ) : null}
    </div>
  );
}
