import type { Paginated, ProductView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  TextField,
  type DataTableColumn,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';

const PAGE_SIZE = 20;

/** 商品目录: the county supermarket's products under 四统一, searchable, with stock and price. */
export function CataloguePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const category = search.get('category') ?? '';
  const page = Number(search.get('page') ?? 1) || 1;
  const stockLot = search.get('stockLot');
  const [text, setText] = useState(q);
  const [categoryText, setCategoryText] = useState(category);
  const query = { q: q || undefined, category: category || undefined, page, pageSize: PAGE_SIZE };
  const list = useApiQuery(
    (client, signal) => client.get<Paginated<ProductView>>(`${MARKET}/products`, { query, signal }),
    [JSON.stringify(query)],
  );
  const change = (next: { q?: string; category?: string; page?: number }) => {
    const merged = { q, category, page: 1, ...next };
    const params = new URLSearchParams();
    if (merged.q) params.set('q', merged.q);
    if (merged.category) params.set('category', merged.category);
    if (merged.page > 1) params.set('page', String(merged.page));
    if (stockLot) params.set('stockLot', stockLot);
    setSearch(params);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change({ q: text.trim(), category: categoryText.trim() });
  };
  const productLink = (row: ProductView) =>
    `/market/catalogue/${row.id}${stockLot ? `?stockLot=${stockLot}` : ''}`;
  const columns: DataTableColumn<ProductView>[] = [
    {
      key: 'name',
      header: t('market.catalogue.columns.name'),
      rowHeader: true,
      render: (row) => <Link to={productLink(row)}>{row.name}</Link>,
    },
    {
      key: 'sku',
      header: t('market.catalogue.columns.sku'),
      render: (row) => <span className="admin-mono">{row.sku}</span>,
    },
    {
      key: 'spec',
      header: t('market.catalogue.columns.spec'),
      render: (row) => `${row.spec} · ${row.packageDescription}`,
    },
    { key: 'category', header: t('market.catalogue.columns.category'), render: (row) => row.category },
    {
      key: 'price',
      header: t('market.catalogue.columns.price'),
      align: 'end',
      render: (row) => formatFen(row.retailPriceFen),
    },
    {
      key: 'available',
      header: t('market.catalogue.columns.available'),
      align: 'end',
      render: (row) => t('market.boxes', { count: row.available }),
    },
  ];
  return (
    <div>
      <PageHeader
        title={t('market.catalogue.title')}
        description={t('market.catalogue.description')}
        actions={
          can(user.role, 'market.catalogue.write') ? (
            <Link className="fp-button fp-button--primary fp-button--md" to="/market/catalogue/new">
              {t('market.catalogue.create')}
            </Link>
          ) : null
        }
      />
      {stockLot ? <Notice tone="neutral" title={t('market.catalogue.chooseForLot')} /> : null}
      <form
        className="admin-filters"
        role="search"
        aria-label={t('market.catalogue.search')}
        onSubmit={submit}
      >
        <div className="admin-filters__row admin-filters__row--search">
          <TextField
            type="search"
            label={t('market.catalogue.search')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <TextField
            label={t('market.catalogue.category')}
            value={categoryText}
            onChange={(event) => setCategoryText(event.target.value)}
          />
          <Button type="submit">{t('adm.search')}</Button>
        </div>
      </form>
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <>
          <p className="admin-total" role="status">
            {t('market.catalogue.total', { count: list.data.total })}
          </p>
          <DataTable
            stackOnPhone
            caption={t('market.catalogue.title')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t('market.catalogue.empty')} />}
            pagination={{
              page,
              pageSize: PAGE_SIZE,
              total: list.data.total,
              onPageChange: (next) => change({ page: next }),
            }}
          />
        </>
      )}
    </div>
  );
}
