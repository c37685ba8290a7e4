import { useTranslation } from 'react-i18next';
import { scopeRegionCode } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { PageHeader } from '../common/page-header';
import { RegionTreeNode } from './region-tree-node';

/** The region tree from the reader's own region down: county → towns → villages → villager groups. */
export function RegionsPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <div className="admin-regions">
      <PageHeader title={t('regions.title')} description={t('regions.description')} />
      <ul className="admin-tree">
        <RegionTreeNode code={scopeRegionCode(user.scope)} initiallyOpen />
      </ul>
    </div>
  );
}
