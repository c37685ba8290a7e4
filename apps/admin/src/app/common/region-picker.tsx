import {
  REGION_CODE_LENGTH,
  REGION_LEVELS,
  REGION_LEVEL_LABELS,
  regionLevelOf,
  type RegionLevel,
} from '@fupin/contracts';
import { SelectField } from '@fupin/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from './language';
import { loadChildRegions, loadRegion } from './region-queries';
import { useApiQuery } from './use-api-query';

export interface RegionPickerProps {
  /** Names the group of selects. */
  legend: ReactNode;
  /** The reader's own region: nothing above or beside it is offered. */
  rootCode: string;
  /** The chosen region, or '' for the whole root. */
  value: string;
  onChange: (code: string) => void;
  /** The deepest level offered (default: villager group). */
  maxLevel?: RegionLevel;
  /** `filter` offers “全部…” at each level; `choose` asks “请选择…”. */
  mode?: 'filter' | 'choose';
  error?: ReactNode;
  hint?: ReactNode;
}

/**
 * Cascading selects from the reader's region down (town → village → group), each loaded when the
 * one above is chosen. Region codes nest by prefix, so the chain is read straight off the value.
 */
export function RegionPicker({
  legend,
  rootCode,
  value,
  onChange,
  maxLevel = 'group',
  mode = 'filter',
  error,
  hint,
}: RegionPickerProps) {
  const { t } = useTranslation();
  const label = useLabel();
  const root = useApiQuery((client, signal) => loadRegion(client, rootCode, signal), [rootCode]);
  const rootLevel = regionLevelOf(rootCode) ?? 'county';
  const levels = REGION_LEVELS.slice(
    REGION_LEVELS.indexOf(rootLevel) + 1,
    REGION_LEVELS.indexOf(maxLevel) + 1,
  );
  const chosenAt = (level: RegionLevel) =>
    value.length >= REGION_CODE_LENGTH[level] ? value.slice(0, REGION_CODE_LENGTH[level]) : '';

  return (
    <fieldset className={`admin-region-picker${error ? ' admin-region-picker--invalid' : ''}`}>
      <legend className="fp-field__label">{legend}</legend>
      <p className="admin-region-picker__root">
        {t('regionPicker.within', { name: root.data ? root.data.path.join(' / ') : rootCode })}
      </p>
      {hint ? <p className="fp-field__hint">{hint}</p> : null}
      <div className="admin-region-picker__levels">
        {levels.map((level, index) => {
          const parentCode = index === 0 ? rootCode : chosenAt(levels[index - 1]!);
          return (
            <RegionLevelSelect
              key={level}
              level={level}
              levelLabel={label(REGION_LEVEL_LABELS[level])}
              parentCode={parentCode}
              value={chosenAt(level)}
              mode={mode}
              onChange={(code) => onChange(code || parentCode)}
            />
          );
        })}
      </div>
      {error ? <p className="fp-field__error">{error}</p> : null}
    </fieldset>
  );
}

interface RegionLevelSelectProps {
  level: RegionLevel;
  levelLabel: string;
  parentCode: string;
  value: string;
  mode: 'filter' | 'choose';
  onChange: (code: string) => void;
}

function RegionLevelSelect({ level, levelLabel, parentCode, value, mode, onChange }: RegionLevelSelectProps) {
  const { t } = useTranslation();
  const enabled = parentCode.length > 0 && parentCode.length < REGION_CODE_LENGTH[level];
  const children = useApiQuery(
    (client, signal) => loadChildRegions(client, parentCode, signal),
    [parentCode],
    enabled,
  );
  const options = enabled
    ? (children.data?.items ?? []).map((region) => ({ value: region.code, label: region.name }))
    : [];
  return (
    <SelectField
      label={levelLabel}
      value={value}
      disabled={!enabled || children.loading}
      placeholder={t(mode === 'filter' ? 'regionPicker.any' : 'regionPicker.choose', { level: levelLabel })}
      options={options}
      onChange={(event) => onChange(event.target.value)}
      className="admin-region-picker__select"
    />
  );
}
