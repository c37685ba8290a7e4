import {
  COOPERATIVE_DIVIDEND_PLAN,
  planDocumentSchema,
  PV_DIFFERENTIATED_PLAN,
  savePlanBodySchema,
  type PlanDocument,
} from '@fupin/contracts';
import { Button, ErrorState, LoadingState, Notice, TextField, useApiClient } from '@fupin/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { localiseServerText, useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { DIVIDENDS, type Plan } from '../dividends-api';
import { EntityFrame } from '../entities/entity-frame';
import { PlanBuilder } from './plan-builder';
import { BLANK_PLAN } from './plan-steps';

const TEMPLATES: Record<string, { document: PlanDocument; name: string }> = {
  pv: { document: PV_DIFFERENTIATED_PLAN, name: 'dividends.plans.newPv' },
  cooperative: { document: COOPERATIVE_DIVIDEND_PLAN, name: 'dividends.plans.newCooperative' },
  blank: { document: BLANK_PLAN, name: 'dividends.plans.newBlank' },
};

/** Every problem of a plan as the service would name it, in the reader's language. */
export function planProblems(document: PlanDocument, language: 'zh-CN' | 'en'): string[] {
  const result = planDocumentSchema.safeParse(document);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const where = issue.path.filter(
      (p) => typeof p !== 'number' && p !== 'root' && p !== 'step' && p !== 'parts',
    );
    const message = localiseServerText(issue.message, language);
    return where.length ? `${where.join(' › ')}: ${message}` : message;
  });
}

/** Creates a plan from a template, or saves a new version of an existing one. */
export function PlanEditorPage() {
  const { id = '', planId } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const existing = useApiQuery(
    (client, signal) => client.get<Plan>(`${DIVIDENDS}/plans/${planId}`, { signal }),
    [planId],
    Boolean(planId),
  );
  const template = TEMPLATES[search.get('template') ?? 'blank'] ?? TEMPLATES['blank']!;
  return (
    <EntityFrame entityId={id} title={t(planId ? 'dividends.plans.editTitle' : 'dividends.plans.newTitle')}>
      {() =>
        planId && existing.error ? (
          <ErrorState message={errorText(existing.error)} onRetry={existing.reload} />
        ) : planId && !existing.data ? (
          <LoadingState label={t('dividends.loading')} />
        ) : (
          <PlanEditor
            entityId={id}
            plan={existing.data}
            initialName={existing.data?.name ?? t(template.name)}
            initial={
              existing.data?.versions.find((v) => v.version === existing.data!.currentVersion)?.document ??
              template.document
            }
          />
        )
      }
    </EntityFrame>
  );
}

function PlanEditor({
  entityId,
  plan,
  initialName,
  initial,
}: {
  entityId: string;
  plan?: Plan;
  initialName: string;
  initial: PlanDocument;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const user = useUser();
  const [name, setName] = useState(initialName);
  const [document, setDocument] = useState<PlanDocument>(initial);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => setSaved(null), [document, name]);
  const problems = planProblems(document, language);
  const nameOk = savePlanBodySchema.shape.name.safeParse(name).success;
  const mayWrite = can(user.role, 'dividends.write');
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const body = { name, document };
      const result = plan
        ? await client.put<Plan>(`${DIVIDENDS}/plans/${plan.id}`, body)
        : await client.post<Plan>(`${DIVIDENDS}/entities/${entityId}/plans`, body);
      setSaved(result.currentVersion);
      if (!plan) navigate(`/dividends/entities/${entityId}/plans/${result.id}`, { replace: true });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {plan ? (
        <p className="admin-muted">{t('dividends.plans.versionNote', { version: plan.currentVersion })}</p>
      ) : null}
      <TextField
        label={t('dividends.plans.name')}
        required
        maxLength={80}
        value={name}
        disabled={!mayWrite}
        error={nameOk ? undefined : t('dividends.plans.nameNeeded')}
        onChange={(e) => setName(e.target.value)}
      />
      <PlanBuilder value={document} onChange={setDocument} disabled={!mayWrite} />
      {problems.length ? (
        <Notice tone="error" title={t('dividends.plans.problems', { count: problems.length })}>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      {saved !== null ? <Notice tone="ok" title={t('dividends.plans.saved', { version: saved })} /> : null}
      {mayWrite ? (
        <div className="admin-form-buttons">
          <Button loading={busy} disabled={problems.length > 0 || !nameOk} onClick={save}>
            {t(plan ? 'dividends.plans.saveVersion' : 'dividends.plans.create')}
          </Button>
          {plan ? (
            <Link
              className="fp-button fp-button--secondary fp-button--md"
              to={`/dividends/entities/${entityId}/distributions/new?plan=${plan.id}`}
            >
              {t('dividends.plans.useIt')}
            </Link>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
