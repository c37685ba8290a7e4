import type {
  AwardLineInput,
  AwardSheetView,
  HouseholdSummary,
  Paginated,
  RuleSetView,
} from '@fupin/contracts';
import {
  Button,
  DataTable,
  ErrorState,
  Notice,
  NumberField,
  SelectField,
  TextField,
  useApiClient,
} from '@fupin/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER, REGISTRY_HOUSEHOLDS, signedPoints } from '../points-api';

interface LineDraft {
  householdId: string;
  householdNumber: string;
  headName: string;
  itemCode: string;
  itemName: string;
  points: number;
  count: number;
  note: string;
}

export interface SheetLinesEditorProps {
  sheet: AwardSheetView;
  rules: RuleSetView;
  onSaved: (sheet: AwardSheetView) => void;
}

/**
 * The draft's lines: pick a household of the village and an item of the standard, a count and a
 * note; remove or recount lines; save them all at once (the ledger checks caps and blacklists).
 */
export function SheetLinesEditor({ sheet, rules, onSaved }: SheetLinesEditorProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [lines, setLines] = useState<LineDraft[]>(() =>
    sheet.lines.map((line) => ({
      householdId: line.householdId,
      householdNumber: line.householdNumber,
      headName: line.headName,
      itemCode: line.itemCode,
      itemName: line.itemName,
      points: rules.items.find((item) => item.code === line.itemCode)?.points ?? 0,
      count: line.count,
      note: line.note ?? '',
    })),
  );
  const [dirty, setDirty] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const households = useApiQuery(
    (c, signal) =>
      c.get<Paginated<HouseholdSummary>>(REGISTRY_HOUSEHOLDS, {
        query: { regionCode: sheet.villageCode, pageSize: 200, sort: 'headName' },
        signal,
      }),
    [sheet.villageCode],
  );

  const edit = (next: LineDraft[]) => {
    setLines(next);
    setDirty(true);
    setSaved(false);
  };

  const save = async () => {
    setFailure(null);
    setBusy(true);
    const body: { lines: AwardLineInput[] } = {
      lines: lines.map((line) => ({
        householdId: line.householdId,
        itemCode: line.itemCode,
        count: line.count,
        ...(line.note.trim() ? { note: line.note.trim() } : {}),
      })),
    };
    try {
      const updated = await client.put<AwardSheetView>(`${LEDGER}/award-sheets/${sheet.id}/lines`, body);
      setDirty(false);
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const total = lines.reduce((sum, line) => sum + line.points * line.count, 0);
  return (
    <section className="points-section" aria-labelledby="points-lines-heading">
      <h2 id="points-lines-heading">{t('points.sheets.lines.title')}</h2>
      {households.error ? (
        <ErrorState message={errorText(households.error)} onRetry={households.reload} />
      ) : (
        <AddLineForm
          households={households.data?.items ?? []}
          loading={households.loading}
          rules={rules}
          onAdd={(line) => {
            const same = lines.findIndex(
              (l) => l.householdId === line.householdId && l.itemCode === line.itemCode,
            );
            if (same >= 0)
              edit(lines.map((l, i) => (i === same ? { ...l, count: l.count + line.count } : l)));
            else edit([...lines, line]);
          }}
        />
      )}
      <DataTable
        stackOnPhone
        caption={t('points.sheets.lines.caption', { count: lines.length, total: signedPoints(total) })}
        rows={lines}
        rowKey={(row) => `${row.householdId}:${row.itemCode}`}
        empty={<p className="admin-muted">{t('points.sheets.lines.empty')}</p>}
        columns={[
          {
            key: 'household',
            header: t('points.sheets.lines.household'),
            rowHeader: true,
            render: (row) => `${row.headName} · ${row.householdNumber}`,
          },
          { key: 'item', header: t('points.sheets.lines.item'), render: (row) => row.itemName },
          {
            key: 'count',
            header: t('points.sheets.lines.count'),
            render: (row) => (
              <NumberField
                label={t('points.sheets.lines.countOf', { name: row.headName, item: row.itemName })}
                className="points-count-input"
                value={row.count}
                onValueChange={(count) =>
                  count !== null && count >= 1
                    ? edit(lines.map((l) => (l === row ? { ...l, count } : l)))
                    : undefined
                }
              />
            ),
          },
          {
            key: 'points',
            header: t('points.sheets.lines.points'),
            align: 'end',
            render: (row) => signedPoints(row.points * row.count),
          },
          { key: 'note', header: t('points.sheets.lines.note'), render: (row) => row.note || '—' },
          {
            key: 'remove',
            header: t('points.sheets.lines.actions'),
            render: (row) => (
              <Button variant="ghost" onClick={() => edit(lines.filter((l) => l !== row))}>
                {t('points.sheets.lines.remove', { name: row.headName })}
              </Button>
            ),
          },
        ]}
      />
      {failure ? (
        <div>
          <Notice tone="error" title={t('points.sheets.lines.notSaved')}>
            {failure}
          </Notice>
        </div>
      ) : null}
      {saved ? <p role="status">{t('points.sheets.lines.saved', { count: lines.length })}</p> : null}
      <div className="admin-form-buttons">
        <Button size="lg" onClick={save} loading={busy} disabled={!dirty}>
          {t('points.sheets.lines.save')}
        </Button>
        {dirty ? <span className="admin-muted">{t('points.sheets.lines.unsaved')}</span> : null}
      </div>
    </section>
  );
}

interface AddLineFormProps {
  households: readonly HouseholdSummary[];
  loading: boolean;
  rules: RuleSetView;
  onAdd: (line: LineDraft) => void;
}

function AddLineForm({ households, loading, rules, onAdd }: AddLineFormProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [householdId, setHouseholdId] = useState('');
  const [itemCode, setItemCode] = useState('');
  const [count, setCount] = useState<number | null>(1);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const matches = useMemo(() => {
    const q = filter.trim();
    return q ? households.filter((h) => h.headName.includes(q) || h.householdNumber.includes(q)) : households;
  }, [filter, households]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const household = households.find((h) => h.id === householdId);
    const item = rules.items.find((i) => i.code === itemCode);
    if (!household || !item || count === null || count < 1 || count > item.maxPerMonth) {
      setProblem(
        !household
          ? t('points.sheets.lines.pickHousehold')
          : !item
            ? t('points.sheets.lines.pickItem')
            : t('points.sheets.lines.badCount', { max: item.maxPerMonth }),
      );
      return;
    }
    setProblem(null);
    onAdd({
      householdId: household.id,
      householdNumber: household.householdNumber,
      headName: household.headName,
      itemCode: item.code,
      itemName: item.name,
      points: item.points,
      count,
      note,
    });
    setNote('');
    setCount(1);
  };

  return (
    <form className="points-add-line" onSubmit={add} aria-label={t('points.sheets.lines.addTitle')}>
      <TextField
        label={t('points.sheets.lines.find')}
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <SelectField
        label={t('points.sheets.lines.household')}
        value={householdId}
        disabled={loading}
        placeholder={loading ? t('points.common.loading') : t('points.sheets.lines.pickHousehold')}
        options={matches.map((h) => ({ value: h.id, label: `${h.headName} · ${h.householdNumber}` }))}
        onChange={(event) => setHouseholdId(event.target.value)}
      />
      <SelectField
        label={t('points.sheets.lines.item')}
        value={itemCode}
        placeholder={t('points.sheets.lines.pickItem')}
        options={rules.items.map((i) => ({ value: i.code, label: `${i.name}（${signedPoints(i.points)}）` }))}
        onChange={(event) => setItemCode(event.target.value)}
      />
      <NumberField label={t('points.sheets.lines.count')} value={count} onValueChange={setCount} />
      <TextField
        label={t('points.sheets.lines.note')}
        value={note}
        maxLength={200}
        onChange={(event) => setNote(event.target.value)}
      />
      <Button type="submit" variant="secondary">
        {t('points.sheets.lines.add')}
      </Button>
      {problem ? (
        <p className="fp-field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
