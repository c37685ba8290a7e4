import { Button, Notice } from '@fupin/ui';
import { useTranslation } from 'react-i18next';

/** Someone else saved the household after this page read it: say so plainly and offer the fresh copy. */
export function ConflictNotice({ onReload, reloadLabel }: { onReload: () => void; reloadLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Notice
      tone="error"
      title={t('households.conflict.title')}
      action={
        <Button variant="primary" onClick={onReload}>
          {reloadLabel ?? t('households.conflict.reload')}
        </Button>
      }
    >
      <p>{t('households.conflict.text')}</p>
    </Notice>
  );
}
