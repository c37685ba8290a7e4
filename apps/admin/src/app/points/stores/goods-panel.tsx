import { createGoodsBodySchema, type GoodsView } from '@fupin/contracts';
import {
  Button,
  DataTable,
  EmptyState,
  Notice,
  NumberField,
  StatusBadge,
  TextField,
  useApiClient,
} from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';

export interface GoodsPanelProps {
  storeId: string;
  goods: readonly GoodsView[];
  mayWrite: boolean;
  onChanged: () => void;
}

/** The shelf: every goods with its points price and stock, low stock marked. */
export function GoodsPanel({ storeId, goods, mayWrite, onChanged }: GoodsPanelProps) {
  const { t } = useTranslation();
  const low = goods.filter((g) => g.lowStock).length;
  return (
    <section aria-labelledby="points-goods-heading">
      <h2 id="points-goods-heading">{t('points.goods.title', { count: goods.length })}</h2>
      {low > 0 ? <Notice tone="warning" title={t('points.goods.lowWarning', { count: low })} /> : null}
      <DataTable
        stackOnPhone
        caption={t('points.goods.caption')}
        captionHidden
        rows={goods}
        rowKey={(row) => row.id}
        empty={<EmptyState title={t('points.goods.empty')} />}
        columns={[
          {
            key: 'picture',
            header: t('points.goods.picture'),
            render: (row) =>
              row.pictureUrl ? (
                <img src={row.pictureUrl} alt="" width={48} height={48} loading="lazy" />
              ) : (
                '—'
              ),
          },
          { key: 'name', header: t('points.goods.name'), rowHeader: true, render: (row) => row.name },
          { key: 'unit', header: t('points.goods.unit'), render: (row) => row.unit },
          { key: 'price', header: t('points.goods.price'), align: 'end', render: (row) => row.pricePoints },
          {
            key: 'quantity',
            header: t('points.goods.quantity'),
            align: 'end',
            render: (row) => (
              <>
                {row.quantity}{' '}
                {row.lowStock ? <StatusBadge tone="warning">{t('points.goods.low')}</StatusBadge> : null}
              </>
            ),
          },
          {
            key: 'threshold',
            header: t('points.goods.threshold'),
            align: 'end',
            render: (row) => row.lowStockThreshold,
          },
        ]}
      />
      {mayWrite ? <GoodsForm storeId={storeId} onCreated={onChanged} /> : null}
    </section>
  );
}

function GoodsForm({ storeId, onCreated }: { storeId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [pictureUrl, setPictureUrl] = useState('');
  const [price, setPrice] = useState<number | null>(null);
  const [threshold, setThreshold] = useState<number | null>(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const parsed = createGoodsBodySchema.safeParse({
      name: name.trim(),
      unit: unit.trim(),
      pictureUrl: pictureUrl.trim() || null,
      pricePoints: price ?? Number.NaN,
      lowStockThreshold: threshold ?? 0,
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      return setProblem(t(`points.goods.invalid.${field}`, { defaultValue: t('points.common.fixFields') }));
    }
    setProblem(null);
    setBusy(true);
    try {
      const created = await client.post<GoodsView>(`${LEDGER}/stores/${storeId}/goods`, parsed.data);
      setDone(t('points.goods.created', { name: created.name }));
      setName('');
      setUnit('');
      setPictureUrl('');
      setPrice(null);
      setThreshold(0);
      onCreated();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="points-section" onSubmit={submit} aria-label={t('points.goods.create')} noValidate>
      <h3>{t('points.goods.create')}</h3>
      <div className="admin-form-grid">
        <TextField
          label={t('points.goods.name')}
          required
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('points.goods.unit')}
          hint={t('points.goods.unitHint')}
          required
          value={unit}
          maxLength={16}
          onChange={(e) => setUnit(e.target.value)}
        />
        <NumberField
          label={t('points.goods.price')}
          unit={t('points.common.pointsUnit')}
          required
          value={price}
          onValueChange={setPrice}
        />
        <NumberField
          label={t('points.goods.threshold')}
          hint={t('points.goods.thresholdHint')}
          value={threshold}
          onValueChange={setThreshold}
        />
        <TextField
          label={t('points.goods.pictureUrl')}
          hint={t('points.goods.pictureHint')}
          type="url"
          value={pictureUrl}
          onChange={(e) => setPictureUrl(e.target.value)}
        />
      </div>
      {problem ? (
        <p className="fp-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
      <Button type="submit" loading={busy}>
        {t('points.goods.createAction')}
      </Button>
    </form>
  );
}
