import type { LotView, TransferView } from '@fupin/contracts';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { gramsToKg, parseKgToGrams } from '../market-units';

/**
 * 收货: the receiving station or supermarket weighs what arrived; less than was sent needs a reason
 * (the loss is recorded against the lot). The transfer note's link carries the lot and sent weight.
 */
export function ReceivePage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const user = useUser();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const lotId = search.get('lot');
  const sentGrams = Number(search.get('sent')) || null;
  const lot = useApiQuery(
    (client, signal) => client.get<LotView>(`${MARKET}/lots/${lotId}`, { signal }),
    [lotId],
    Boolean(lotId),
  );
  const [weight, setWeight] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ weight?: string; reason?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<TransferView | null>(null);
  const grams = weight.trim() === '0' ? 0 : parseKgToGrams(weight);
  const short = sentGrams !== null && grams !== null && grams < sentGrams;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (grams === null) return setProblem({ weight: t('market.receive.weightWrong') });
    if (short && !reason.trim()) return setProblem({ reason: t('market.receive.reasonNeeded') });
    setProblem({});
    setBusy(true);
    setFailure(null);
    try {
      setDone(
        await client.post<TransferView>(`${MARKET}/transfers/${id}/receive`, {
          receivedGrams: grams,
          ...(reason.trim() ? { lossReason: reason.trim() } : {}),
        }),
      );
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="admin-narrow">
      <PageHeader
        title={t('market.receive.title')}
        back={<Link to="/market/lots?view=incoming">{t('market.lots.back')}</Link>}
        description={t('market.receive.description', { number: id })}
      />
      {lot.data ? (
        <p>
          {t('market.receive.lot', {
            code: lot.data.traceCode,
            produce: lot.data.produce,
            grade: t(`market.grades.${lot.data.grade}`),
          })}
        </p>
      ) : null}
      {sentGrams ? <p>{t('market.receive.sent', { kg: gramsToKg(sentGrams) })}</p> : null}
      {done ? (
        <Notice
          tone="ok"
          title={t('market.receive.done', { kg: gramsToKg(done.receivedGrams ?? 0) })}
          action={
            <div className="admin-form-buttons">
              <Link to={`/market/lots/${done.lotId}`}>{t('market.receive.openLot')}</Link>
              {can(user.role, 'market.stock') ? (
                <Link to={`/market/catalogue?stockLot=${done.lotId}`}>{t('market.receive.stock')}</Link>
              ) : null}
            </div>
          }
        >
          {done.lossGrams
            ? t('market.receive.loss', { kg: gramsToKg(done.lossGrams), reason: done.lossReason ?? '' })
            : null}
        </Notice>
      ) : (
        <form aria-label={t('market.receive.title')} onSubmit={submit} noValidate>
          {failure ? <Notice tone="error" title={failure} /> : null}
          <TextField
            label={t('market.receive.weight')}
            hint={t('market.procurement.weightHint')}
            inputMode="decimal"
            required
            value={weight}
            error={problem.weight}
            onChange={(event) => setWeight(event.target.value)}
          />
          {short ? (
            <p role="status">
              {t('market.receive.short', { kg: gramsToKg((sentGrams ?? 0) - (grams ?? 0)) })}
            </p>
          ) : null}
          <TextField
            label={t('market.receive.reason')}
            hint={t('market.receive.reasonHint')}
            required={short}
            value={reason}
            error={problem.reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <Button type="submit" size="lg" loading={busy}>
            {t('market.receive.submit')}
          </Button>
        </form>
      )}
    </div>
  );
}
