import type { AwardSheetView, RuleSetView } from '@fupin/contracts';
import { DataTable, ErrorState, LoadingState, StatusBadge } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { DetailList } from '../../common/detail-list';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER, signedPoints } from '../points-api';
import { ObjectionsPanel } from './objections-panel';
import { SheetImport } from './sheet-import';
import { SheetLinesEditor } from './sheet-lines-editor';
import { SheetStatusBadge } from './sheet-status';
import { ApprovePanel, NoticeInfo, SubmitPanel } from './sheet-workflow';

/** One month's award sheet through its life: draft → public notice (objections) → approved. */
export function AwardSheetPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const loaded = useApiQuery(
    (client, signal) => client.get<AwardSheetView>(`${LEDGER}/award-sheets/${id}`, { signal }),
    [id],
  );
  // What the last command answered, shown until the sheet is read again.
  const [latest, setLatest] = useState<AwardSheetView | null>(null);
  const [imports, setImports] = useState(0);
  const sheet = latest?.id === id && (loaded.loading || !loaded.data) ? latest : (loaded.data ?? null);
  const rules = useApiQuery(
    (client, signal) => client.get<RuleSetView>(`${LEDGER}/rule-sets/${sheet?.ruleSetId}`, { signal }),
    [sheet?.ruleSetId],
    Boolean(sheet?.ruleSetId),
  );
  const back = (
    <Link to={`/points/sheets${sheet ? `?village=${sheet.villageCode}` : ''}`}>
      ← {t('points.sheets.backToList')}
    </Link>
  );

  if (loaded.error && !sheet)
    return (
      <div>
        <PageHeader title={t('points.sheets.title')} back={back} />
        <ErrorState message={errorText(loaded.error)} onRetry={loaded.reload} />
      </div>
    );
  if (!sheet) return <LoadingState />;

  // A command answers with the sheet (approval without its lines), so read it again as well.
  const changed = (next: AwardSheetView) => {
    setLatest(next);
    loaded.reload();
  };
  const mayDraft = can(user.role, 'points.sheets.draft') && sheet.status === 'draft';
  return (
    <div className="points-sheet">
      <PageHeader
        title={t('points.sheets.sheetTitle', { period: sheet.period })}
        description={t('points.sheets.sheetDescription', { village: sheet.villageCode })}
        back={back}
      />
      <DetailList
        items={[
          { label: t('points.sheets.statusLabel'), value: <SheetStatusBadge status={sheet.status} /> },
          {
            label: t('points.sheets.ruleVersion'),
            value: (
              <Link to={`/points/rules/${sheet.ruleSetId}`}>
                {t('points.rules.versionNo', { version: sheet.ruleSetVersion })}
              </Link>
            ),
          },
          { label: t('points.sheets.households'), value: sheet.householdCount },
          {
            label: t('points.sheets.totalPoints'),
            value: (
              <>
                {signedPoints(sheet.totalPoints)}{' '}
                {sheet.status === 'notice' ? (
                  <StatusBadge tone="pending">{t('points.common.pending')}</StatusBadge>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <NoticeInfo sheet={sheet} />
      {mayDraft ? (
        rules.error ? (
          <ErrorState message={errorText(rules.error)} onRetry={rules.reload} />
        ) : !rules.data ? (
          <LoadingState />
        ) : (
          <>
            <SheetLinesEditor
              key={`${sheet.id}:${imports}`}
              sheet={sheet}
              rules={rules.data}
              onSaved={changed}
            />
            <SheetImport
              sheet={sheet}
              rules={rules.data}
              onImported={(next) => {
                setImports((n) => n + 1);
                changed(next);
              }}
            />
            <SubmitPanel sheet={sheet} onDone={changed} />
          </>
        )
      ) : (
        <SheetLinesTable sheet={sheet} />
      )}
      {sheet.status !== 'draft' ? (
        <ObjectionsPanel
          sheet={sheet}
          mayAct={can(user.role, 'points.sheets.objections')}
          onChanged={changed}
        />
      ) : null}
      {sheet.status === 'notice' && can(user.role, 'points.sheets.approve') ? (
        <ApprovePanel sheet={sheet} onDone={changed} />
      ) : null}
    </div>
  );
}

/** The lines as posted (notice) or awarded (approved): pending points are marked as pending. */
function SheetLinesTable({ sheet }: { sheet: AwardSheetView }) {
  const { t } = useTranslation();
  return (
    <DataTable
      stackOnPhone
      caption={t('points.sheets.lines.readCaption', { count: sheet.lines.length })}
      rows={sheet.lines}
      rowKey={(row) => row.id}
      empty={<p className="admin-muted">{t('points.sheets.lines.empty')}</p>}
      columns={[
        {
          key: 'household',
          header: t('points.sheets.lines.household'),
          rowHeader: true,
          render: (row) => (
            <Link
              to={`/households/${row.householdId}/points`}
            >{`${row.headName} · ${row.householdNumber}`}</Link>
          ),
        },
        { key: 'item', header: t('points.sheets.lines.item'), render: (row) => row.itemName },
        { key: 'count', header: t('points.sheets.lines.count'), align: 'end', render: (row) => row.count },
        {
          key: 'points',
          header: t('points.sheets.lines.points'),
          align: 'end',
          render: (row) => (
            <>
              {signedPoints(row.points)}
              {sheet.status === 'notice' ? (
                <>
                  {' '}
                  <StatusBadge tone="pending">{t('points.common.pending')}</StatusBadge>
                </>
              ) : null}
            </>
          ),
        },
        { key: 'note', header: t('points.sheets.lines.note'), render: (row) => row.note ?? '—' },
      ]}
    />
  );
}
