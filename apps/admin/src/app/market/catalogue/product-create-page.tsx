import { createProductBodySchema, type CreateProductBody, type ProductView } from '@fupin/contracts';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { scopeRegionCode } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { RegionPicker } from '../../common/region-picker';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { parsePriceToFen } from '../market-units';

type Draft = Record<
  'sku' | 'name' | 'spec' | 'packageDescription' | 'price' | 'pictureUrl' | 'category',
  string
>;
type Problems = Partial<Record<keyof Draft | 'originVillageCode', string>>;

const TEXT_FIELDS = ['sku', 'name', 'spec', 'packageDescription', 'category', 'pictureUrl'] as const;

/** 新建商品: one product under 四统一 (one brand, standard, package and price), from a village. */
export function ProductCreatePage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const user = useUser();
  const [draft, setDraft] = useState<Draft>({
    sku: '',
    name: '',
    spec: '',
    packageDescription: '',
    price: '',
    pictureUrl: '',
    category: '',
  });
  const [village, setVillage] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const priceFen = parsePriceToFen(draft.price);
    const body = {
      sku: draft.sku.trim(),
      name: draft.name.trim(),
      spec: draft.spec.trim(),
      packageDescription: draft.packageDescription.trim(),
      retailPriceFen: priceFen ?? 0,
      category: draft.category.trim(),
      originVillageCode: village,
      ...(draft.pictureUrl.trim() ? { pictureUrl: draft.pictureUrl.trim() } : {}),
    };
    const parsed = createProductBodySchema.safeParse(body);
    const found: Problems = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'retailPriceFen' ? 'price' : (issue.path[0] as keyof Problems);
        found[key] ??= t(`market.catalogue.errors.${key}`);
      }
    if (priceFen === null) found.price = t('market.catalogue.errors.price');
    setProblems(found);
    if (Object.keys(found).length > 0 || !parsed.success) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await client.post<ProductView>(
        `${MARKET}/products`,
        parsed.data satisfies CreateProductBody,
      );
      void navigate(`/market/catalogue/${created.id}`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="admin-narrow">
      <PageHeader
        title={t('market.catalogue.create')}
        back={<Link to="/market/catalogue">{t('market.catalogue.back')}</Link>}
        description={t('market.catalogue.createHint')}
      />
      <form aria-label={t('market.catalogue.create')} onSubmit={submit} noValidate>
        {failure ? <Notice tone="error" title={failure} /> : null}
        {TEXT_FIELDS.map((key) => (
          <TextField
            key={key}
            label={t(`market.catalogue.fields.${key}`)}
            hint={key === 'sku' || key === 'pictureUrl' ? t(`market.catalogue.hints.${key}`) : undefined}
            required={key !== 'pictureUrl'}
            value={draft[key]}
            error={problems[key]}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
          />
        ))}
        <TextField
          label={t('market.catalogue.fields.price')}
          hint={t('market.catalogue.hints.price')}
          inputMode="decimal"
          required
          value={draft.price}
          error={problems.price}
          onChange={(event) => setDraft({ ...draft, price: event.target.value })}
        />
        <RegionPicker
          legend={t('market.catalogue.fields.origin')}
          rootCode={scopeRegionCode(user.scope)}
          value={village}
          onChange={setVillage}
          maxLevel="village"
          mode="choose"
          error={problems.originVillageCode}
        />
        <Button type="submit" size="lg" loading={busy}>
          {t('market.catalogue.save')}
        </Button>
      </form>
    </div>
  );
}
