import type { AwardSheetView, ObjectionView, ResolveObjectionBody } from '@fupin/contracts';
import { Button, NumberField, SelectField, StatusBadge, TextAreaField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';

export interface ObjectionsPanelProps {
  sheet: AwardSheetView;
  /** Staff who may file and resolve objections (village, town, county admins). */
  mayAct: boolean;
  onChanged: (sheet: AwardSheetView) => void;
}

/** 异议: what villagers and staff raised during the notice, and how each was settled. */
export function ObjectionsPanel({ sheet, mayAct, onChanged }: ObjectionsPanelProps) {
  const { t } = useTranslation();
  const open = sheet.objections.filter((o) => o.status === 'open').length;
  const lineText = (lineId: string | null) => {
    const line = sheet.lines.find((l) => l.id === lineId);
    return line
      ? `${line.headName} · ${line.itemName} ×${line.count}`
      : t('points.sheets.objections.wholeSheet');
  };
  return (
    <section className="points-section" aria-labelledby="points-objections-heading">
      <h2 id="points-objections-heading">
        {t('points.sheets.objections.title', { count: sheet.objections.length, open })}
      </h2>
      {sheet.objections.length === 0 ? (
        <p className="admin-muted">{t('points.sheets.objections.none')}</p>
      ) : (
        <ul className="points-objections" aria-label={t('points.sheets.objections.list')}>
          {sheet.objections.map((objection) => (
            <ObjectionItem
              key={objection.id}
              sheet={sheet}
              objection={objection}
              about={lineText(objection.lineId)}
              mayResolve={mayAct && sheet.status === 'notice'}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {mayAct && sheet.status === 'notice' ? (
        <FileObjectionForm sheet={sheet} lineText={lineText} onChanged={onChanged} />
      ) : null}
    </section>
  );
}

function ObjectionItem({
  sheet,
  objection,
  about,
  mayResolve,
  onChanged,
}: {
  sheet: AwardSheetView;
  objection: ObjectionView;
  about: string;
  mayResolve: boolean;
  onChanged: (sheet: AwardSheetView) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [resolving, setResolving] = useState(false);
  const tone = objection.status === 'open' ? 'warning' : objection.status === 'upheld' ? 'ok' : 'neutral';
  return (
    <li className="points-objection" aria-label={t('points.sheets.objections.item', { about })}>
      <p>
        <StatusBadge tone={tone}>{t(`points.sheets.objections.status.${objection.status}`)}</StatusBadge>{' '}
        <strong>{about}</strong>
      </p>
      <p>{objection.text}</p>
      <p className="admin-muted">
        {t('points.sheets.objections.filed', {
          role: t(`points.common.roles.${objection.filedRole}`, { defaultValue: objection.filedRole }),
          at: formatDateTime(objection.createdAt, language),
        })}
      </p>
      {objection.resolution ? (
        <p>{t('points.sheets.objections.resolution', { text: objection.resolution })}</p>
      ) : null}
      {objection.status === 'open' && mayResolve ? (
        resolving ? (
          <ResolveForm
            sheet={sheet}
            objection={objection}
            onCancel={() => setResolving(false)}
            onChanged={onChanged}
          />
        ) : (
          <Button variant="secondary" onClick={() => setResolving(true)}>
            {t('points.sheets.objections.resolve')}
          </Button>
        )
      ) : null}
    </li>
  );
}

function ResolveForm({
  sheet,
  objection,
  onCancel,
  onChanged,
}: {
  sheet: AwardSheetView;
  objection: ObjectionView;
  onCancel: () => void;
  onChanged: (sheet: AwardSheetView) => void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const line = sheet.lines.find((l) => l.id === objection.lineId);
  const [outcome, setOutcome] = useState<'upheld' | 'dismissed' | ''>('');
  const [newCount, setNewCount] = useState<number | null>(line ? line.count : null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!outcome) return setProblem(t('points.sheets.objections.pickOutcome'));
    if (!reason.trim()) return setProblem(t('points.sheets.objections.needReason'));
    if (outcome === 'upheld' && line && (newCount === null || newCount < 0 || newCount > 31))
      return setProblem(t('points.sheets.objections.badCount'));
    const body: ResolveObjectionBody =
      outcome === 'upheld'
        ? { outcome, reason: reason.trim(), ...(line && newCount !== null ? { newCount } : {}) }
        : { outcome, reason: reason.trim() };
    setProblem(null);
    setBusy(true);
    try {
      onChanged(
        await client.post<AwardSheetView>(
          `${LEDGER}/award-sheets/${sheet.id}/objections/${objection.id}/resolve`,
          body,
        ),
      );
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };
  return (
    <form className="points-resolve" onSubmit={submit} aria-label={t('points.sheets.objections.resolve')}>
      <SelectField
        label={t('points.sheets.objections.outcome')}
        value={outcome}
        placeholder={t('adm.choose')}
        options={[
          { value: 'upheld', label: t('points.sheets.objections.upheld') },
          { value: 'dismissed', label: t('points.sheets.objections.dismissed') },
        ]}
        onChange={(event) => setOutcome(event.target.value as 'upheld' | 'dismissed' | '')}
      />
      {outcome === 'upheld' && line ? (
        <NumberField
          label={t('points.sheets.objections.newCount')}
          hint={t('points.sheets.objections.newCountHint', { count: line.count })}
          value={newCount}
          onValueChange={setNewCount}
        />
      ) : null}
      <TextAreaField
        label={t('points.sheets.objections.reason')}
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
      />
      {problem ? (
        <p className="fp-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="admin-form-buttons">
        <Button type="submit" loading={busy}>
          {t('points.sheets.objections.save')}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t('adm.cancel')}
        </Button>
      </div>
    </form>
  );
}

function FileObjectionForm({
  sheet,
  lineText,
  onChanged,
}: {
  sheet: AwardSheetView;
  lineText: (lineId: string | null) => string;
  onChanged: (sheet: AwardSheetView) => void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [lineId, setLineId] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setProblem(t('points.sheets.objections.needText'));
    setProblem(null);
    setBusy(true);
    try {
      onChanged(
        await client.post<AwardSheetView>(`${LEDGER}/award-sheets/${sheet.id}/objections`, {
          text: text.trim(),
          ...(lineId ? { lineId } : {}),
        }),
      );
      setText('');
      setLineId('');
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="points-section" onSubmit={submit} aria-label={t('points.sheets.objections.fileTitle')}>
      <h3>{t('points.sheets.objections.fileTitle')}</h3>
      <p className="admin-muted">{t('points.sheets.objections.fileHint')}</p>
      <SelectField
        label={t('points.sheets.objections.line')}
        value={lineId}
        placeholder={t('points.sheets.objections.wholeSheet')}
        options={sheet.lines.map((l) => ({ value: l.id, label: lineText(l.id) }))}
        onChange={(event) => setLineId(event.target.value)}
      />
      <TextAreaField
        label={t('points.sheets.objections.text')}
        value={text}
        maxLength={1000}
        onChange={(event) => setText(event.target.value)}
      />
      {problem ? (
        <p className="fp-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <Button type="submit" loading={busy}>
        {t('points.sheets.objections.file')}
      </Button>
    </form>
  );
}
