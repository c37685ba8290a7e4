import type { PublicObjectionReceipt } from '@fupin/contracts';
import { Button, Notice, TextAreaField, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../common/use-error-text';
import { PUBLIC_API } from './public-api';

/** 公示期内提出异议: a name or household number and what is wrong; checked here as the server does. */
export function ObjectionForm({ noticeId, open }: { noticeId: string; open: boolean }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [raisedBy, setRaisedBy] = useState('');
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<PublicObjectionReceipt | null>(null);
  const raisedByOk = raisedBy.trim().length >= 1 && raisedBy.trim().length <= 40;
  const textOk = [...text.trim()].length >= 5 && [...text.trim()].length <= 500;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!raisedByOk || !textOk) return;
    setSending(true);
    setFailure(null);
    try {
      setReceipt(
        await client.post<PublicObjectionReceipt>(PUBLIC_API.objections(noticeId), {
          raisedBy: raisedBy.trim(),
          text: text.trim(),
        }),
      );
      setRaisedBy('');
      setText('');
      setChecked(false);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="div-public-objection no-print" aria-labelledby="div-objection-title">
      <h2 id="div-objection-title">{t('divPublic.objection.title')}</h2>
      {!open ? (
        <p>{t('divPublic.objection.closed')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('divPublic.objection.intro')}</p>
          {receipt ? (
            <Notice tone="ok">{t('divPublic.objection.sent', { id: receipt.id.slice(0, 8) })}</Notice>
          ) : null}
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <TextField
            label={t('divPublic.objection.raisedBy')}
            hint={t('divPublic.objection.raisedByHint')}
            required
            maxLength={40}
            value={raisedBy}
            onChange={(event) => setRaisedBy(event.target.value)}
            error={checked && !raisedByOk ? t('divPublic.objection.errors.raisedBy') : undefined}
          />
          <TextAreaField
            label={t('divPublic.objection.text')}
            hint={t('divPublic.objection.textHint')}
            required
            rows={4}
            value={text}
            onChange={(event) => setText(event.target.value)}
            error={checked && !textOk ? t('divPublic.objection.errors.text') : undefined}
          />
          <Button type="submit" size="lg" loading={sending}>
            {t('divPublic.objection.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}
