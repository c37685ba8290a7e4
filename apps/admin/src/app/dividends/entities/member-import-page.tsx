import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { EntityFrame } from './entity-frame';
import { MemberImport } from './member-import';

/** 批量导入成员和股份. */
export function MemberImportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <EntityFrame
      entityId={id}
      title={t('dividends.import.title')}
      description={t('dividends.import.description')}
    >
      {(entity) => <MemberImport entityId={entity.id} />}
    </EntityFrame>
  );
}
