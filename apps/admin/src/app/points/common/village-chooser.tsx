import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { scopeRegionCode } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { RegionPicker } from '../../common/region-picker';
import { ownVillage, VILLAGE_CODE_LENGTH } from '../points-api';

/**
 * The village a page is about: a village committee's own, or the one a town or county reader
 * picks (kept in `?village=` so a link or a reload keeps it). '' until one is chosen.
 */
export function useVillage(): [string, (code: string) => void] {
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const own = ownVillage(user);
  if (own) return [own, () => undefined];
  const chosen = search.get('village') ?? '';
  const village = chosen.length === VILLAGE_CODE_LENGTH ? chosen : '';
  return [
    village,
    (code) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          if (code) next.set('village', code);
          else next.delete('village');
          return next;
        },
        { replace: true },
      ),
  ];
}

/** Cascading town → village selects for readers above a village; nothing for a village's own staff. */
export function VillageChooser() {
  const { t } = useTranslation();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  if (ownVillage(user)) return null;
  const value = search.get('village') ?? '';
  return (
    <div className="admin-filters">
      <RegionPicker
        legend={t('points.common.village')}
        rootCode={scopeRegionCode(user.scope)}
        value={value}
        maxLevel="village"
        mode="choose"
        onChange={(code) =>
          setSearch(
            (current) => {
              const next = new URLSearchParams(current);
              if (code) next.set('village', code);
              else next.delete('village');
              return next;
            },
            { replace: true },
          )
        }
      />
    </div>
  );
}

/** Shown instead of a village's data until one is picked. */
export function ChooseVillageHint() {
  const { t } = useTranslation();
  return <p className="admin-muted">{t('points.common.chooseVillage')}</p>;
}
