import { isApiClientError } from '@fupin/api-client';
import type { FundSourceTrace } from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import { ErrorState, LoadingState } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { FundFlowChart } from '../fund-flow/fund-flow-chart';
import { FundFlowHouseholdGroups } from '../fund-flow/fund-flow-households';
import { FundFlowTable } from '../fund-flow/fund-flow-table';
import { useKindLabel } from '../fund-flow/fund-flow-words';
import { PUBLIC_API, PUBLIC_PAGES } from './public-api';
import { PublicLinks } from './public-links';

/** One fund's way down (公开查询): source → county → town → village → projects and households (names masked). */
export function FundFlowPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const kindLabel = useKindLabel();
  const trace = useApiQuery(
    (client, signal) => client.get<FundSourceTrace>(PUBLIC_API.fundFlows(id), { signal }),
    [id],
  );
  const back = <Link to={PUBLIC_PAGES.funds}>{t('divPublic.funds.back')}</Link>;
  if (trace.error)
    return (
      <div className="div-public">
        <PublicLinks />
        <ErrorState
          message={errorText(trace.error)}
          onRetry={isApiClientError(trace.error) && trace.error.status === 404 ? undefined : trace.reload}
        />
      </div>
    );
  if (!trace.data) return <LoadingState label={t('divPublic.loading')} />;
  const { source, flows, householdGroups } = trace.data;
  return (
    <div className="div-public">
      <PublicLinks />
      <PageHeader
        title={source.name}
        back={back}
        description={`${kindLabel(source.kind)} · ${formatFen(toFen(source.amountFen))} · ${source.reference}`}
      />
      <FundFlowChart
        sources={[source]}
        flows={flows}
        householdGroups={householdGroups}
        title={t('fundFlow.tree')}
      />
      <FundFlowTable flows={flows} caption={t('fundFlow.caption')} />
      <FundFlowHouseholdGroups flows={flows} groups={householdGroups ?? []} audience="public" />
    </div>
  );
}
