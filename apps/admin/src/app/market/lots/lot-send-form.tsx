import type { LotView, TransferView } from '@fupin/contracts';
import { Button, Notice, SelectField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useErrorText } from '../../common/use-error-text';
import { MARKET, NEXT_LEVEL, type NetworkOrganisation } from '../market-api';
import { gramsToKg } from '../market-units';

export interface LotSendFormProps {
  lot: LotView;
  here: NetworkOrganisation;
  network: readonly NetworkOrganisation[];
  onDone: () => void;
}

/**
 * 调运: send the lot one level up (collection point → the town's sorting station → the county
 * supermarket), then print the transfer note that travels with the goods; its number opens the
 * receiving form at the other end.
 */
export function LotSendForm({ lot, here, network, onDone }: LotSendFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const nextType = NEXT_LEVEL[here.type];
  const candidates = network.filter((o) => o.active && o.type === nextType);
  // The town's own sorting station first (its region code starts the point's).
  const sorted = [...candidates].sort(
    (a, b) =>
      Number(here.regionCode.startsWith(b.regionCode)) - Number(here.regionCode.startsWith(a.regionCode)),
  );
  const [to, setTo] = useState(sorted[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState<TransferView | null>(null);

  if (!nextType) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      setSent(
        await client.post<TransferView>(`${MARKET}/transfers`, { lotId: lot.id, toOrganisationId: to }),
      );
      onDone();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  if (sent) {
    const toName = network.find((o) => o.id === sent.toOrganisationId)?.name ?? '';
    return (
      <section className="admin-section" aria-label={t('market.transfer.note')}>
        <div className="market-print-area market-sheet">
          <article aria-label={t('market.transfer.note')}>
            <h3>{t('market.transfer.note')}</h3>
            <dl className="admin-details">
              <dt>{t('market.transfer.number')}</dt>
              <dd className="admin-mono">{sent.id}</dd>
              <dt>{t('market.transfer.lot')}</dt>
              <dd className="admin-mono">
                {lot.traceCode} · {lot.produce} · {t(`market.grades.${lot.grade}`)}
              </dd>
              <dt>{t('market.transfer.weight')}</dt>
              <dd>{gramsToKg(sent.sentGrams)} kg</dd>
              <dt>{t('market.transfer.route')}</dt>
              <dd>
                {here.name} → {toName}
              </dd>
              <dt>{t('market.transfer.time')}</dt>
              <dd>{formatDateTime(sent.sentAt, language)}</dd>
            </dl>
            <p>{t('market.transfer.signatures')}</p>
          </article>
        </div>
        <div className="admin-form-buttons market-no-print">
          <Button onClick={() => window.print()}>{t('market.transfer.print')}</Button>
          <Link to={`/market/transfers/${sent.id}/receive?lot=${lot.id}&sent=${sent.sentGrams}`}>
            {t('market.transfer.receiveLink')}
          </Link>
        </div>
      </section>
    );
  }
  return (
    <form className="admin-inline-form" aria-label={t('market.transfer.send')} onSubmit={submit}>
      <h3>{t('market.transfer.send')}</h3>
      {failure ? <Notice tone="error" title={failure} /> : null}
      {candidates.length === 0 ? (
        <p>{t('market.transfer.nowhere')}</p>
      ) : (
        <>
          <SelectField
            label={t('market.transfer.to')}
            required
            value={to}
            options={sorted.map((o) => ({ value: o.id, label: o.name }))}
            onChange={(event) => setTo(event.target.value)}
          />
          <Button type="submit" loading={busy}>
            {t('market.transfer.submit', { kg: gramsToKg(lot.weightGrams) })}
          </Button>
        </>
      )}
    </form>
  );
}
