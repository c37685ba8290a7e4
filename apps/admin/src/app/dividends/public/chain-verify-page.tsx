import type { ChainVerificationView } from '@fupin/contracts';
import { Button, ErrorState, LoadingState, Notice } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { PUBLIC_API, PUBLIC_PAGES } from './public-api';
import { PublicLinks } from './public-links';

/** 公示防篡改校验: recomputes the hash chain on the server and says plainly whether it holds. */
export function ChainVerifyPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const verdict = useApiQuery(
    (client, signal) =>
      client.get<ChainVerificationView>(PUBLIC_API.chainVerify, { signal, timeoutMs: 60_000 }),
    [],
  );
  const v = verdict.data;
  return (
    <div className="div-public">
      <PublicLinks />
      <PageHeader
        title={t('divPublic.chain.title')}
        description={t('divPublic.chain.description')}
        actions={
          <Button variant="secondary" loading={verdict.loading} onClick={verdict.reload}>
            {t('divPublic.chain.again')}
          </Button>
        }
      />
      {verdict.error ? (
        <ErrorState message={errorText(verdict.error)} onRetry={verdict.reload} />
      ) : !v || verdict.loading ? (
        <LoadingState label={t('divPublic.chain.checking')} />
      ) : v.intact ? (
        <Notice tone="ok" title={t('divPublic.chain.intact')}>
          <p>
            {v.length ? t('divPublic.chain.intactText', { count: v.length }) : t('divPublic.chain.empty')}
          </p>
          {v.length ? (
            <p>
              {t('divPublic.chain.head')}：<code className="div-hash">{v.headHash}</code>
            </p>
          ) : null}
        </Notice>
      ) : (
        <Notice
          tone="error"
          title={t('divPublic.chain.broken')}
          action={
            v.firstBroken?.kind === 'notice' ? (
              <Link to={PUBLIC_PAGES.notice(v.firstBroken.refId)}>{t('divPublic.chain.openNotice')}</Link>
            ) : undefined
          }
        >
          {v.firstBroken
            ? t('divPublic.chain.brokenText', {
                seq: v.firstBroken.seq,
                kind: t(`divPublic.chain.kind.${v.firstBroken.kind}`),
                reason: t(`divPublic.chain.reason.${v.firstBroken.reason}`),
              })
            : null}
        </Notice>
      )}
    </div>
  );
}
