import type { ApiClient } from '@fupin/api-client';
import { REGION_LEVEL_LABELS, type Paginated, type RegionView } from '@fupin/contracts';
import { Button, ErrorState, LoadingState } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, regionInScope } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { useLabel } from '../common/language';
import { loadChildRegions, loadRegion } from '../common/region-queries';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { RegionChildForm } from './region-child-form';
import { RegionRenameForm } from './region-rename-form';

function householdTotal(client: ApiClient, regionCode: string, signal: AbortSignal) {
  return client
    .get<Paginated<unknown>>('/api/registry/households', { query: { regionCode, pageSize: 1 }, signal })
    .then((page) => page.total);
}

interface RegionTreeNodeProps {
  code: string;
  /** Known already from the parent's list; the root loads itself. */
  region?: RegionView;
  initiallyOpen?: boolean;
}

/** One region with its counts and actions; its children load when it is opened. */
export function RegionTreeNode({ code, region: known, initiallyOpen = false }: RegionTreeNodeProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const user = useUser();
  const [open, setOpen] = useState(initiallyOpen);
  const [editing, setEditing] = useState<'child' | 'rename' | null>(null);
  const self = useApiQuery((client, signal) => loadRegion(client, code, signal), [code], !known);
  const [renamed, setRenamed] = useState<RegionView | null>(null);
  const region = renamed ?? known ?? self.data;
  const children = useApiQuery((client, signal) => loadChildRegions(client, code, signal), [code], open);
  const households = useApiQuery(
    (client, signal) => householdTotal(client, code, signal),
    [code],
    can(user.role, 'households.read'),
  );

  if (!region) {
    return (
      <li className="admin-tree__node">
        {self.error ? <ErrorState message={errorText(self.error)} onRetry={self.reload} /> : <LoadingState />}
      </li>
    );
  }
  const mayWrite = can(user.role, 'regions.write') && regionInScope(user, region.code);
  const childCount = children.data?.total ?? region.childCount;
  const hasChildren = childCount > 0;
  return (
    <li className="admin-tree__node">
      <div className="admin-tree__row">
        {hasChildren ? (
          <button
            type="button"
            className="admin-tree__toggle"
            aria-expanded={open}
            aria-label={t(open ? 'regions.collapse' : 'regions.expand', { name: region.name })}
            onClick={() => setOpen((current) => !current)}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="admin-tree__leaf" aria-hidden="true">
            •
          </span>
        )}
        <div className="admin-tree__label">
          <span className="admin-tree__name">{region.name}</span>
          <span className="admin-tag">{label(REGION_LEVEL_LABELS[region.level])}</span>
          <span className="admin-tree__code">{region.code}</span>
        </div>
        <div className="admin-tree__counts">
          {region.level !== 'group' ? <span>{t('regions.childCount', { count: childCount })}</span> : null}
          {households.data !== undefined ? (
            <span>{t('regions.householdCount', { count: households.data })}</span>
          ) : null}
        </div>
        {mayWrite ? (
          <div className="admin-tree__actions">
            {region.level !== 'group' ? (
              <Button variant="ghost" onClick={() => setEditing(editing === 'child' ? null : 'child')}>
                {t('regions.addChild')}
              </Button>
            ) : null}
            <Button variant="ghost" onClick={() => setEditing(editing === 'rename' ? null : 'rename')}>
              {t('regions.rename')}
            </Button>
          </div>
        ) : null}
      </div>
      {editing === 'child' ? (
        <RegionChildForm
          parent={region}
          onCancel={() => setEditing(null)}
          onCreated={() => {
            setEditing(null);
            setOpen(true);
            children.reload();
          }}
        />
      ) : null}
      {editing === 'rename' ? (
        <RegionRenameForm
          region={region}
          onCancel={() => setEditing(null)}
          onRenamed={(next) => {
            setRenamed(next);
            setEditing(null);
          }}
        />
      ) : null}
      {open ? (
        <div className="admin-tree__children">
          {children.error ? (
            <ErrorState message={errorText(children.error)} onRetry={children.reload} />
          ) : !children.data ? (
            <LoadingState />
          ) : (
            <ul className="admin-tree">
              {children.data.items.map((child) => (
                <RegionTreeNode key={child.code} code={child.code} region={child} />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </li>
  );
}
