import type { Paginated, ProductView } from '@fupin/contracts';
import {
  Button,
  EmptyState,
  ErrorState,
  LoadingState,
  Pagination,
  SelectField,
  TextField,
  useDocumentTitle,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { MARKET, useVillageNames } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { ProductCard } from './product-card';

export const PAGE_SIZE = 12;
/** The whole catalogue (a county's 四统一 list is short), for the category and village choices. */
const ALL = { page: 1, pageSize: 200 };

/**
 * Browse by category and by origin village, with search and pages. The market's product list
 * filters by name/SKU and category; it has no village filter, so a chosen village is filtered
 * here from the whole catalogue.
 */
export function CataloguePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const villageName = useVillageNames();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const village = params.get('village') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  useDocumentTitle(`${t('storefront.catalogue.title')} · ${t('storefront.name')}`);

  const all = useApiQuery(
    (client, signal) => client.get<Paginated<ProductView>>(`${MARKET}/products`, { query: ALL, signal }),
    [],
  );
  const server = useApiQuery(
    (client, signal) =>
      client.get<Paginated<ProductView>>(`${MARKET}/products`, {
        query: { q: q || undefined, category: category || undefined, page, pageSize: PAGE_SIZE },
        signal,
      }),
    [q, category, page],
    !village,
  );

  const update = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    if (!('page' in next)) merged.delete('page');
    setParams(merged);
  };

  const categories = [...new Set((all.data?.items ?? []).map((p) => p.category))];
  const villages = [...new Set((all.data?.items ?? []).map((p) => p.originVillageCode))];
  const current = village
    ? villageFiltered(all.data?.items ?? [], { q, category, village }, page)
    : server.data;
  const query = village ? all : server;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim() });
  };

  return (
    <div className="sf-catalogue">
      <h1>{t('storefront.catalogue.title')}</h1>
      <form className="sf-filters" role="search" onSubmit={submit}>
        <TextField
          label={t('storefront.catalogue.search')}
          name="q"
          type="search"
          value={search}
          placeholder={t('storefront.catalogue.searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Button type="submit">{t('storefront.catalogue.searchButton')}</Button>
        <SelectField
          label={t('storefront.catalogue.village')}
          name="village"
          value={village}
          placeholder={t('storefront.catalogue.allVillages')}
          options={villages.map((code) => ({ value: code, label: villageName(code).name }))}
          onChange={(event) => update({ village: event.target.value })}
        />
      </form>
      <nav className="sf-categories" aria-label={t('storefront.catalogue.categories')}>
        <ul>
          {['', ...categories].map((name) => (
            <li key={name || 'all'}>
              <button
                type="button"
                className="sf-chip"
                aria-pressed={category === name}
                onClick={() => update({ category: name })}
              >
                {name || t('storefront.catalogue.allCategories')}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {query.error && !current ? (
        <ErrorState message={errorText(query.error)} onRetry={query.reload} />
      ) : !current ? (
        <LoadingState label={t('storefront.catalogue.loading')} />
      ) : current.items.length === 0 ? (
        <EmptyState
          title={t('storefront.catalogue.empty')}
          description={q || category || village ? t('storefront.catalogue.emptyFiltered') : undefined}
        />
      ) : (
        <>
          <ul className="sf-grid" aria-label={t('storefront.catalogue.results')} aria-busy={query.loading}>
            {current.items.map((product) => (
              <ProductCard
                key={product.id}
                product={product}
                village={villageName(product.originVillageCode).name}
              />
            ))}
          </ul>
          {current.total > PAGE_SIZE ? (
            <Pagination
              page={current.page}
              pageSize={PAGE_SIZE}
              total={current.total}
              onPageChange={(next) => update({ page: String(next) })}
            />
          ) : null}
        </>
      )}
    </div>
  );
}

/** One page of the catalogue filtered by village (and search and category) in the browser. */
function villageFiltered(
  items: readonly ProductView[],
  filter: { q: string; category: string; village: string },
  page: number,
): Paginated<ProductView> {
  const needle = filter.q.trim().toLowerCase();
  const matching = items.filter(
    (p) =>
      p.originVillageCode === filter.village &&
      (!filter.category || p.category === filter.category) &&
      (!needle || p.name.toLowerCase().includes(needle) || p.sku.toLowerCase() === needle),
  );
  return {
    items: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: matching.length,
    page,
    pageSize: PAGE_SIZE,
  };
}
