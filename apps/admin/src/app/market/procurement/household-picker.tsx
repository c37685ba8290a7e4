import type { HouseholdSummary, Paginated } from '@fupin/contracts';
import { FieldShell } from '@fupin/ui';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';

const HOUSEHOLDS = '/api/registry/households';
const SHOWN = 6;

export interface HouseholdPickerProps {
  villageCode: string;
  value: HouseholdSummary | null;
  onChange: (household: HouseholdSummary | null) => void;
  /** Called after a household is taken with Enter, to move on to the next field. */
  onPicked: () => void;
  error?: string;
}

function matches(household: HouseholdSummary, text: string): boolean {
  return (
    household.headName.includes(text) ||
    household.householdNumber.includes(text) ||
    (household.pointsCardNumber ?? '').toUpperCase().startsWith(text.toUpperCase())
  );
}

/**
 * 农户: the households of the point's village, narrowed as the collector types a name, a household
 * number (or its last digits) or a points-card number; Enter takes the highlighted one. The village
 * is loaded once (a village has tens of households), and asked of the registry only when larger.
 * Its input carries `data-step="0"`, the first stop of the entry form's Enter order.
 */
export function HouseholdPicker({ villageCode, value, onChange, onPicked, error }: HouseholdPickerProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const village = useApiQuery(
    (client, signal) =>
      client.get<Paginated<HouseholdSummary>>(HOUSEHOLDS, {
        query: { regionCode: villageCode, pageSize: 200, sort: 'headName' },
        signal,
      }),
    [villageCode],
  );
  const complete = village.data ? village.data.total <= village.data.items.length : true;
  const typed = text.trim();
  const remote = useApiQuery(
    (client, signal) =>
      client.get<Paginated<HouseholdSummary>>(HOUSEHOLDS, {
        query: { regionCode: villageCode, q: typed, pageSize: SHOWN },
        signal,
      }),
    [villageCode, typed],
    !complete && typed.length > 0,
  );
  const found =
    typed.length === 0
      ? []
      : complete
        ? (village.data?.items ?? []).filter((h) => matches(h, typed)).slice(0, SHOWN)
        : (remote.data?.items ?? []);

  const take = (household: HouseholdSummary) => {
    onChange(household);
    setText('');
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.max(0, Math.min(found.length - 1, current + step)));
      return;
    }
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const chosen = found[active] ?? (found.length === 0 && value && typed.length === 0 ? value : undefined);
    if (!chosen) return;
    if (chosen !== value) take(chosen);
    onPicked();
  };

  const loadError = village.error ?? remote.error;
  const listId = `${villageCode}-household-matches`;
  return (
    <div className="market-picker">
      <FieldShell
        label={t('market.procurement.household')}
        hint={t('market.procurement.householdHint')}
        error={error ?? (loadError ? errorText(loadError) : undefined)}
        required
      >
        {(wiring) => (
          <input
            {...wiring}
            data-step="0"
            type="search"
            className="fp-input"
            autoComplete="off"
            role="combobox"
            aria-expanded={found.length > 0}
            aria-controls={listId}
            aria-activedescendant={found[active] ? `${listId}-${found[active].id}` : undefined}
            value={text}
            placeholder={value ? `${value.headName} · ${value.householdNumber}` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
        )}
      </FieldShell>
      {value ? (
        <p className="market-picker__chosen" role="status">
          {t('market.procurement.chosen', { name: value.headName, number: value.householdNumber })}
          {value.groupName ? ` · ${value.groupName}` : ''}
        </p>
      ) : null}
      {typed && found.length === 0 && !village.loading && !remote.loading ? (
        <p className="admin-muted">{t('market.procurement.noHousehold')}</p>
      ) : null}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('market.procurement.matches')}
        className="market-picker__list"
      >
        {found.map((household, index) => (
          <li
            key={household.id}
            id={`${listId}-${household.id}`}
            role="option"
            aria-selected={index === active}
            className={
              index === active
                ? 'market-picker__option market-picker__option--active'
                : 'market-picker__option'
            }
            onMouseDown={(event) => {
              event.preventDefault();
              take(household);
              onPicked();
            }}
          >
            <span>{household.headName}</span>
            <span className="admin-mono">{household.householdNumber}</span>
            {household.groupName ? <span className="admin-muted">{household.groupName}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
