import {
  addShareholdingBodySchema,
  SHARE_KINDS,
  type HouseholdSummary,
  type Paginated,
} from '@fupin/contracts';
import { Button, Notice, NumberField, SelectField, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldProblem } from '../../common/field-check';
import { useLanguage } from '../../common/language';
import { useErrorText } from '../../common/use-error-text';
import { DIVIDENDS, today, type EntityMember } from '../dividends-api';

/** Adds a household as a member, found in the registry by its household number. */
export function AddMemberForm({ entityId, onAdded }: { entityId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [number, setNumber] = useState('');
  const [joinedOn, setJoinedOn] = useState(today());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const found = await client.get<Paginated<HouseholdSummary>>('/api/registry/households', {
        query: { q: number.trim(), pageSize: 5 },
      });
      const household = found.items.find((h) => h.householdNumber === number.trim());
      if (!household) {
        setResult({ tone: 'error', text: t('dividends.members.unknownNumber', { number }) });
        return;
      }
      await client.post(`${DIVIDENDS}/entities/${entityId}/members`, {
        householdId: household.id,
        joinedOn,
      });
      setResult({ tone: 'ok', text: t('dividends.members.added', { name: household.headName }) });
      setNumber('');
      onAdded();
    } catch (error) {
      setResult({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="admin-section" onSubmit={submit} aria-labelledby="add-member">
      <h2 id="add-member">{t('dividends.members.addTitle')}</h2>
      <TextField
        label={t('dividends.members.number')}
        required
        value={number}
        onChange={(e) => setNumber(e.target.value)}
      />
      <TextField
        label={t('dividends.members.joinedOn')}
        type="date"
        required
        value={joinedOn}
        onChange={(e) => setJoinedOn(e.target.value)}
      />
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="admin-form-buttons">
        <Button type="submit" loading={busy} disabled={!number.trim()}>
          {t('dividends.members.add')}
        </Button>
      </div>
    </form>
  );
}

/** Records a shareholding: kind, number of shares, from when and (optionally) until when. */
export function AddShareholdingForm({
  entityId,
  members,
  onAdded,
}: {
  entityId: string;
  members: readonly EntityMember[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const [householdId, setHouseholdId] = useState('');
  const [kind, setKind] = useState<string>('ordinary');
  const [shares, setShares] = useState<number | null>(null);
  const [validFrom, setValidFrom] = useState(today());
  const [validTo, setValidTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const body = { householdId, kind, shares, validFrom, validTo: validTo || null };
  const problem = tried ? fieldProblem(addShareholdingBodySchema, body, language) : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!addShareholdingBodySchema.safeParse(body).success) return;
    setBusy(true);
    setResult(null);
    try {
      await client.post(`${DIVIDENDS}/entities/${entityId}/shareholdings`, body);
      setResult({ tone: 'ok', text: t('dividends.members.holdingAdded') });
      setShares(null);
      setTried(false);
      onAdded();
    } catch (error) {
      setResult({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="admin-section" onSubmit={submit} aria-labelledby="add-holding">
      <h2 id="add-holding">{t('dividends.members.holdingTitle')}</h2>
      <SelectField
        label={t('dividends.members.household')}
        required
        value={householdId}
        placeholder={t('dividends.choose')}
        options={members.map((m) => ({ value: m.householdId, label: `${m.householdNumber} ${m.headName}` }))}
        onChange={(e) => setHouseholdId(e.target.value)}
      />
      <SelectField
        label={t('dividends.members.kind')}
        value={kind}
        options={SHARE_KINDS.map((k) => ({ value: k, label: t(`dividends.shareKinds.${k}`) }))}
        onChange={(e) => setKind(e.target.value)}
      />
      <NumberField
        label={t('dividends.members.shareCount')}
        required
        min={1}
        value={shares}
        onValueChange={setShares}
      />
      <TextField
        label={t('dividends.members.validFrom')}
        type="date"
        required
        value={validFrom}
        onChange={(e) => setValidFrom(e.target.value)}
      />
      <TextField
        label={t('dividends.members.validTo')}
        hint={t('dividends.members.validToHint')}
        type="date"
        value={validTo}
        onChange={(e) => setValidTo(e.target.value)}
      />
      {problem ? <Notice tone="error" title={problem} /> : null}
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
      <div className="admin-form-buttons">
        <Button type="submit" loading={busy}>
          {t('dividends.members.addHolding')}
        </Button>
      </div>
    </form>
  );
}
