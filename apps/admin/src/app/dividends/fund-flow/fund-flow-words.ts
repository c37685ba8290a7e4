import type { FundFlowNode } from '@fupin/contracts';
import { useTranslation } from 'react-i18next';

const LEVEL_BY_LENGTH: Record<number, 'county' | 'town' | 'village'> = {
  6: 'county',
  9: 'town',
  12: 'village',
};

/** Words for where a flow took the money: "村级账户 411322104201", "项目：饮水工程", "王**", "留存：村集体经济收入". */
export function useDescribeFlow(): (flow: FundFlowNode) => string {
  const { t, i18n } = useTranslation();
  const accountName = (name: string) =>
    i18n.exists(`fundFlow.account.${name}`) ? t(`fundFlow.account.${name}`) : name;
  return (flow) => {
    if (flow.toType === 'household') return flow.householdName ?? t('fundFlow.household');
    if (flow.toType === 'project') {
      const retained = /:retained:(.+)$/.exec(flow.toAccount);
      return retained
        ? t('fundFlow.retained', { name: accountName(retained[1]!) })
        : t('fundFlow.project', { name: flow.projectName ?? '' });
    }
    if (flow.toAccount.endsWith(':distributable_income')) return t('fundFlow.income');
    const level = LEVEL_BY_LENGTH[flow.regionCode.length];
    return level ? `${t(`fundFlow.level.${level}`)} ${flow.regionCode}` : flow.regionCode;
  };
}

/** The fund kind in words (三账 or dividend); unknown kinds as they are. */
export function useKindLabel(): (kind: string) => string {
  const { t, i18n } = useTranslation();
  return (kind) => (i18n.exists(`fundFlow.kind.${kind}`) ? t(`fundFlow.kind.${kind}`) : kind);
}

/** Integer fen (a bigint column as text) as a Number for libs/money; amounts stay below 2^53. */
export function fenNumber(fen: string): number {
  return Number(BigInt(fen));
}
