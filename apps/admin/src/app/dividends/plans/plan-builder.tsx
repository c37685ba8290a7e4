import {
  LABOUR_CLASSES,
  LABOUR_CLASS_LABELS,
  POVERTY_STATUSES,
  POVERTY_STATUS_LABELS,
  PRO_RATA_BASES,
  SHARE_KINDS,
  type HouseholdFilter,
  type MinimumStep,
  type PlanDocument,
  type PlanStep,
  type ProRataStep,
  type SplitStep,
} from '@fupin/contracts';
import { fenToYuanString, parseYuanToFen } from '@fupin/money';
import { Button, CheckboxField, NumberField, SelectField, TextField } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../common/language';
import { newStep, ratioPercents, STEP_TYPES, withProRata, type StepType } from './plan-steps';

export interface PlanBuilderProps {
  value: PlanDocument;
  onChange: (next: PlanDocument) => void;
  disabled?: boolean;
}

/**
 * 分配方案: the plan as a tree of steps the engine supports — split into percentage buckets,
 * guaranteed minimum, pro rata (shares, shares × days, equal, members, days worked) with filters,
 * uplift for monitored households and caps, and named accounts that keep money in the village.
 */
export function PlanBuilder({ value, onChange, disabled }: PlanBuilderProps) {
  return (
    <fieldset className="dividends-plan" disabled={disabled}>
      <StepEditor step={value.root} path="root" depth={0} onChange={(root) => onChange({ ...value, root })} />
    </fieldset>
  );
}

interface StepEditorProps {
  step: PlanStep;
  path: string;
  depth: number;
  onChange: (next: PlanStep) => void;
}

function StepEditor({ step, path, depth, onChange }: StepEditorProps) {
  const { t } = useTranslation();
  return (
    <div
      className="dividends-step"
      data-depth={depth}
      role="group"
      aria-label={t('dividends.plan.stepAt', { label: step.label })}
    >
      <div className="admin-form-grid">
        <SelectField
          label={t('dividends.plan.stepType')}
          value={step.type}
          options={STEP_TYPES.map((type) => ({ value: type, label: t(`dividends.plan.types.${type}`) }))}
          onChange={(e) => onChange(newStep(e.target.value as StepType, step.label))}
        />
        <TextField
          label={t('dividends.plan.label')}
          value={step.label}
          maxLength={60}
          onChange={(e) => onChange({ ...step, label: e.target.value })}
        />
      </div>
      <p className="admin-muted">{t(`dividends.plan.explain.${step.type}`)}</p>
      {step.type === 'account' ? (
        <AccountField
          label={t('dividends.plan.account')}
          value={step.account}
          onChange={(account) => onChange({ ...step, account })}
        />
      ) : null}
      {step.type === 'pro_rata' ? <ProRataEditor step={step} onChange={onChange} /> : null}
      {step.type === 'split' ? (
        <SplitEditor step={step} path={path} depth={depth} onChange={onChange} />
      ) : null}
      {step.type === 'minimum' ? (
        <MinimumEditor step={step} path={path} depth={depth} onChange={onChange} />
      ) : null}
    </div>
  );
}

function AccountField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      hint={t('dividends.plan.accountHint')}
      className="admin-mono"
      value={value}
      onChange={(e) => onChange(e.target.value.trim())}
    />
  );
}

/** Money typed in yuan, kept as fen; the text stays as typed until it is a valid amount. */
function YuanField({
  label,
  fen,
  onChange,
}: {
  label: string;
  fen: number;
  onChange: (fen: number) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(fenToYuanString(fen));
  const [bad, setBad] = useState(false);
  return (
    <TextField
      label={label}
      inputMode="decimal"
      value={text}
      error={bad ? t('dividends.income.badAmount') : undefined}
      onChange={(e) => {
        setText(e.target.value);
        try {
          const parsed = parseYuanToFen(e.target.value);
          setBad(parsed <= 0);
          if (parsed > 0) onChange(parsed);
        } catch {
          setBad(true);
        }
      }}
    />
  );
}

function toggled<T>(list: readonly T[] | undefined, item: T, on: boolean): T[] | undefined {
  const next = (list ?? []).filter((x) => x !== item);
  if (on) next.push(item);
  return next.length ? next : undefined;
}

function FilterEditor({
  filter,
  onChange,
}: {
  filter?: HouseholdFilter;
  onChange: (f?: HouseholdFilter) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const set = (patch: Partial<HouseholdFilter>) => {
    const next = { ...filter, ...patch };
    if (!next.labourClasses) delete next.labourClasses;
    if (!next.povertyStatuses) delete next.povertyStatuses;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <fieldset className="dividends-checks">
      <legend>{t('dividends.plan.filter')}</legend>
      <p className="fp-field__hint">{t('dividends.plan.filterHint')}</p>
      {LABOUR_CLASSES.map((c) => (
        <CheckboxField
          key={c}
          label={label(LABOUR_CLASS_LABELS[c])}
          checked={filter?.labourClasses?.includes(c) ?? false}
          onChange={(e) => set({ labourClasses: toggled(filter?.labourClasses, c, e.target.checked) })}
        />
      ))}
      {POVERTY_STATUSES.map((s) => (
        <CheckboxField
          key={s}
          label={label(POVERTY_STATUS_LABELS[s])}
          checked={filter?.povertyStatuses?.includes(s) ?? false}
          onChange={(e) => set({ povertyStatuses: toggled(filter?.povertyStatuses, s, e.target.checked) })}
        />
      ))}
    </fieldset>
  );
}

function ProRataEditor({ step, onChange }: { step: ProRataStep; onChange: (s: PlanStep) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const patch = (p: Partial<ProRataStep>) => onChange(withProRata(step, p));
  const byShares = step.basis === 'shares' || step.basis === 'share_days';
  return (
    <div className="dividends-step__body">
      <SelectField
        label={t('dividends.plan.basis')}
        value={step.basis}
        options={PRO_RATA_BASES.map((b) => ({ value: b, label: t(`dividends.plan.bases.${b}`) }))}
        onChange={(e) => patch({ basis: e.target.value as ProRataStep['basis'] })}
      />
      {byShares ? (
        <fieldset className="dividends-checks">
          <legend>{t('dividends.plan.shareKinds')}</legend>
          <p className="fp-field__hint">{t('dividends.plan.shareKindsHint')}</p>
          {SHARE_KINDS.map((k) => (
            <CheckboxField
              key={k}
              label={t(`dividends.shareKinds.${k}`)}
              checked={step.shareKinds?.includes(k) ?? false}
              onChange={(e) => patch({ shareKinds: toggled(step.shareKinds, k, e.target.checked) })}
            />
          ))}
        </fieldset>
      ) : null}
      <FilterEditor filter={step.filter} onChange={(filter) => patch({ filter })} />
      <CheckboxField
        label={t('dividends.plan.uplift')}
        hint={t('dividends.plan.upliftHint')}
        checked={Boolean(step.uplift)}
        onChange={(e) =>
          patch({
            uplift: e.target.checked ? { povertyStatuses: ['monitored', 'edge'], percent: 150 } : undefined,
          })
        }
      />
      {step.uplift ? (
        <div className="dividends-step__nested">
          <NumberField
            label={t('dividends.plan.upliftPercent')}
            unit="%"
            value={step.uplift.percent}
            onValueChange={(percent) => patch({ uplift: { ...step.uplift!, percent: percent ?? 100 } })}
          />
          <fieldset className="dividends-checks">
            <legend>{t('dividends.plan.upliftWho')}</legend>
            {POVERTY_STATUSES.map((s) => (
              <CheckboxField
                key={s}
                label={label(POVERTY_STATUS_LABELS[s])}
                checked={step.uplift!.povertyStatuses.includes(s)}
                onChange={(e) =>
                  patch({
                    uplift: {
                      ...step.uplift!,
                      povertyStatuses: toggled(step.uplift!.povertyStatuses, s, e.target.checked) ?? [],
                    },
                  })
                }
              />
            ))}
          </fieldset>
        </div>
      ) : null}
      <CheckboxField
        label={t('dividends.plan.cap')}
        hint={t('dividends.plan.capHint')}
        checked={Boolean(step.cap)}
        onChange={(e) =>
          patch({
            cap: e.target.checked ? { maxPerHouseholdFen: 300_000, excess: 'redistribute' } : undefined,
          })
        }
      />
      {step.cap ? (
        <div className="dividends-step__nested">
          <YuanField
            label={t('dividends.plan.capAmount')}
            fen={step.cap.maxPerHouseholdFen}
            onChange={(fen) => patch({ cap: { ...step.cap!, maxPerHouseholdFen: fen } })}
          />
          <SelectField
            label={t('dividends.plan.capExcess')}
            value={step.cap.excess === 'redistribute' ? 'redistribute' : 'account'}
            options={[
              { value: 'redistribute', label: t('dividends.plan.excessRedistribute') },
              { value: 'account', label: t('dividends.plan.excessAccount') },
            ]}
            onChange={(e) =>
              patch({
                cap: {
                  ...step.cap!,
                  excess:
                    e.target.value === 'redistribute' ? 'redistribute' : { account: 'village_public_works' },
                },
              })
            }
          />
          {step.cap.excess !== 'redistribute' ? (
            <AccountField
              label={t('dividends.plan.account')}
              value={step.cap.excess.account}
              onChange={(account) => patch({ cap: { ...step.cap!, excess: { account } } })}
            />
          ) : null}
        </div>
      ) : null}
      <CheckboxField
        label={t('dividends.plan.ifNobody')}
        hint={t('dividends.plan.ifNobodyHint')}
        checked={Boolean(step.ifNobody)}
        onChange={(e) =>
          patch({ ifNobody: e.target.checked ? { account: 'village_public_works' } : undefined })
        }
      />
      {step.ifNobody ? (
        <AccountField
          label={t('dividends.plan.account')}
          value={step.ifNobody.account}
          onChange={(account) => patch({ ifNobody: { account } })}
        />
      ) : null}
    </div>
  );
}

function SplitEditor({
  step,
  path,
  depth,
  onChange,
}: {
  step: SplitStep;
  path: string;
  depth: number;
  onChange: (s: PlanStep) => void;
}) {
  const { t } = useTranslation();
  const percents = ratioPercents(step.parts.map((p) => p.ratio));
  const setPart = (index: number, part: SplitStep['parts'][number]) =>
    onChange({ ...step, parts: step.parts.map((p, i) => (i === index ? part : p)) });
  return (
    <div className="dividends-step__body">
      {step.parts.map((part, index) => (
        <section
          key={index}
          className="dividends-part"
          aria-label={t('dividends.plan.partAt', { label: part.label })}
        >
          <div className="admin-form-grid">
            <TextField
              label={t('dividends.plan.partLabel')}
              value={part.label}
              onChange={(e) => setPart(index, { ...part, label: e.target.value })}
            />
            <NumberField
              label={t('dividends.plan.ratio')}
              hint={t('dividends.plan.ratioHint', { percent: percents[index] })}
              value={part.ratio}
              onValueChange={(ratio) => setPart(index, { ...part, ratio: ratio ?? 0 })}
            />
            <TextField
              label={t('dividends.plan.partKey')}
              hint={t('dividends.plan.accountHint')}
              className="admin-mono"
              value={part.key}
              onChange={(e) => setPart(index, { ...part, key: e.target.value.trim() })}
            />
          </div>
          <StepEditor
            step={part.step}
            path={`${path}.${part.key}`}
            depth={depth + 1}
            onChange={(next) => setPart(index, { ...part, step: next })}
          />
          {step.parts.length > 1 ? (
            <Button
              variant="ghost"
              onClick={() => onChange({ ...step, parts: step.parts.filter((_, i) => i !== index) })}
            >
              {t('dividends.plan.removePart', { label: part.label })}
            </Button>
          ) : null}
        </section>
      ))}
      <Button
        variant="secondary"
        onClick={() =>
          onChange({
            ...step,
            parts: [
              ...step.parts,
              {
                key: `part_${step.parts.length + 1}`,
                label: t('dividends.plan.newPart'),
                ratio: 10,
                step: {
                  type: 'account',
                  account: `part_${step.parts.length + 1}`,
                  label: t('dividends.plan.newPart'),
                },
              },
            ],
          })
        }
      >
        {t('dividends.plan.addPart')}
      </Button>
    </div>
  );
}

function MinimumEditor({
  step,
  path,
  depth,
  onChange,
}: {
  step: MinimumStep;
  path: string;
  depth: number;
  onChange: (s: PlanStep) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dividends-step__body">
      <YuanField
        label={t('dividends.plan.minimumAmount')}
        fen={step.perHouseholdFen}
        onChange={(perHouseholdFen) => onChange({ ...step, perHouseholdFen })}
      />
      <FilterEditor
        filter={step.filter}
        onChange={(filter) => {
          const next: MinimumStep = { ...step, filter };
          if (!filter) delete next.filter;
          onChange(next);
        }}
      />
      <p className="dividends-step__then">{t('dividends.plan.then')}</p>
      <StepEditor
        step={step.then}
        path={`${path}.then`}
        depth={depth + 1}
        onChange={(then) => onChange({ ...step, then })}
      />
    </div>
  );
}
