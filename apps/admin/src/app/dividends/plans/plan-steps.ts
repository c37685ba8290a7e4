import type { PlanDocument, PlanStep, ProRataStep } from '@fupin/contracts';

export type StepType = PlanStep['type'];
export const STEP_TYPES: readonly StepType[] = ['pro_rata', 'split', 'minimum', 'account'];

/** A fresh step of a type, with words a village can keep or change. */
export function newStep(type: StepType, label: string): PlanStep {
  switch (type) {
    case 'account':
      return { type, account: 'village_public_works', label };
    case 'pro_rata':
      return { type, label, basis: 'shares' };
    case 'split':
      return {
        type,
        label,
        parts: [
          { key: 'households', label, ratio: 80, step: { type: 'pro_rata', label, basis: 'shares' } },
          {
            key: 'village_collective',
            label,
            ratio: 20,
            step: { type: 'account', account: 'village_collective', label },
          },
        ],
      };
    case 'minimum':
      return {
        type,
        label,
        perHouseholdFen: 50_000,
        filter: { povertyStatuses: ['not_lifted', 'monitored'] },
        then: { type: 'pro_rata', label, basis: 'shares' },
      };
  }
}

/** A blank plan: everything to members by shares. */
export const BLANK_PLAN: PlanDocument = {
  format: 1,
  root: { type: 'pro_rata', label: '按股份分配', basis: 'shares' },
};

/** Replaces the optional fields of a pro-rata step, dropping those set to undefined. */
export function withProRata(step: ProRataStep, patch: Partial<ProRataStep>): ProRataStep {
  const next: Record<string, unknown> = { ...step, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next as unknown as ProRataStep;
}

/** Percentages of split ratios, to one decimal, for showing beside each part. */
export function ratioPercents(ratios: readonly number[]): string[] {
  const total = ratios.reduce((a, b) => a + b, 0);
  return ratios.map((r) => (total > 0 ? ((r * 100) / total).toFixed(1).replace(/\.0$/, '') : '0'));
}
