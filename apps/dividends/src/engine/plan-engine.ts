import type {
  HouseholdFilter,
  LabourClass,
  MinimumStep,
  PlanDocument,
  PlanStep,
  PovertyStatus,
  ProRataStep,
  ShareKind,
  SplitStep,
} from '@fupin/contracts';
import { allocate, type Weight } from '@fupin/money';

/**
 * The one rule engine for distribution plans (分配方案). Pure: no database, no clock. A plan is a tree
 * of steps; each step receives an amount and passes all of it on, to households or named accounts,
 * always through `allocate` (largest remainder), so the parts add up to the pool to the fen.
 */

/** What the engine knows of one household for one period. */
export interface EngineHousehold {
  householdId: string;
  labourClass: LabourClass | null;
  povertyStatus: PovertyStatus;
  memberCount: number;
  daysWorked: number;
  /** Shares held on the period's last day, by kind. */
  shares: Partial<Record<ShareKind, bigint>>;
  /** Σ shares × days held within the period, by kind. */
  shareDays: Partial<Record<ShareKind, bigint>>;
}

export interface EngineInput {
  poolFen: bigint;
  households: readonly EngineHousehold[];
}

/** One step that paid households: who got what and on which weight. */
export interface StepPayment {
  path: string;
  label: string;
  basis: string;
  amountFen: bigint;
  indices: number[];
  weights: Weight[];
  amounts: bigint[];
  /** e.g. "capped at 500.00", "guaranteed minimum". */
  notes: Map<number, string>;
}

export interface AccountPart {
  account: string;
  path: string;
  label: string;
  amountFen: bigint;
}

export interface EngineResult {
  poolFen: bigint;
  /** Per household, in input order. */
  householdTotals: bigint[];
  accounts: AccountPart[];
  payments: StepPayment[];
}

export enum EngineErrorCode {
  NoRecipients = 'PLAN_NO_RECIPIENTS',
  CapLeavesRemainder = 'PLAN_CAP_LEAVES_REMAINDER',
}

/** The plan cannot place the money (nobody qualifies for a step, every household capped). */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const asWeight = (value: bigint): Weight => (value <= MAX_SAFE ? Number(value) : value);

interface Context {
  households: readonly EngineHousehold[];
  keys: readonly string[];
  totals: bigint[];
  accounts: AccountPart[];
  payments: StepPayment[];
}

/** Runs a plan over a pool. Same input → same output, whatever order the households come in. */
export function runPlan(plan: PlanDocument, input: EngineInput): EngineResult {
  const ctx: Context = {
    households: input.households,
    keys: input.households.map((h) => h.householdId),
    totals: new Array<bigint>(input.households.length).fill(0n),
    accounts: [],
    payments: [],
  };
  runStep(ctx, plan.root, input.poolFen, 'root');
  return {
    poolFen: input.poolFen,
    householdTotals: ctx.totals,
    accounts: ctx.accounts,
    payments: ctx.payments,
  };
}

function runStep(ctx: Context, step: PlanStep, amount: bigint, path: string): void {
  switch (step.type) {
    case 'account':
      if (amount > 0n)
        ctx.accounts.push({ account: step.account, path, label: step.label, amountFen: amount });
      return;
    case 'split':
      return runSplit(ctx, step, amount, path);
    case 'minimum':
      return runMinimum(ctx, step, amount, path);
    case 'pro_rata':
      return runProRata(ctx, step, amount, path);
  }
}

function runSplit(ctx: Context, step: SplitStep, amount: bigint, path: string): void {
  const keys = step.parts.map((p) => p.key);
  const parts = allocate(
    amount,
    step.parts.map((p) => p.ratio),
    { keys },
  );
  step.parts.forEach((part, i) => runStep(ctx, part.step, parts[i], `${path}.${part.key}`));
}

function matches(h: EngineHousehold, filter: HouseholdFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.labourClasses && (h.labourClass === null || !filter.labourClasses.includes(h.labourClass)))
    return false;
  if (filter.povertyStatuses && !filter.povertyStatuses.includes(h.povertyStatus)) return false;
  return true;
}

function eligible(ctx: Context, filter: HouseholdFilter | undefined): number[] {
  const out: number[] = [];
  for (let i = 0; i < ctx.households.length; i++) if (matches(ctx.households[i], filter)) out.push(i);
  return out;
}

function pay(ctx: Context, payment: StepPayment): void {
  for (let k = 0; k < payment.indices.length; k++) ctx.totals[payment.indices[k]] += payment.amounts[k];
  ctx.payments.push(payment);
}

function runMinimum(ctx: Context, step: MinimumStep, amount: bigint, path: string): void {
  const who = eligible(ctx, step.filter);
  if (who.length === 0 || amount === 0n) return runStep(ctx, step.then, amount, `${path}.then`);
  const each = BigInt(step.perHouseholdFen);
  const need = each * BigInt(who.length);
  const weights = who.map(() => 1);
  const amounts =
    amount >= need ? who.map(() => each) : allocate(amount, weights, { keys: who.map((i) => ctx.keys[i]) });
  const given = amount >= need ? need : amount;
  const notes = new Map<number, string>();
  if (amount < need) for (const i of who) notes.set(i, 'pool below the guaranteed minimum: shared equally');
  pay(ctx, {
    path,
    label: step.label,
    basis: 'minimum',
    amountFen: given,
    indices: who,
    weights,
    amounts,
    notes,
  });
  runStep(ctx, step.then, amount - given, `${path}.then`);
}

function weightOf(h: EngineHousehold, step: ProRataStep): bigint {
  const kinds = step.shareKinds;
  const sum = (record: Partial<Record<ShareKind, bigint>>): bigint => {
    let total = 0n;
    for (const [kind, value] of Object.entries(record) as Array<[ShareKind, bigint | undefined]>) {
      if (value && (!kinds || kinds.includes(kind))) total += value;
    }
    return total;
  };
  let base: bigint;
  switch (step.basis) {
    case 'shares':
      base = sum(h.shares);
      break;
    case 'share_days':
      base = sum(h.shareDays);
      break;
    case 'equal':
      base = 1n;
      break;
    case 'members':
      base = BigInt(h.memberCount);
      break;
    case 'days_worked':
      base = BigInt(h.daysWorked);
      break;
  }
  if (!step.uplift) return base;
  const lifted = step.uplift.povertyStatuses.includes(h.povertyStatus);
  return base * BigInt(lifted ? step.uplift.percent : 100);
}

function runProRata(ctx: Context, step: ProRataStep, amount: bigint, path: string): void {
  if (amount === 0n) return;
  const indices: number[] = [];
  const weights: Weight[] = [];
  for (let i = 0; i < ctx.households.length; i++) {
    const h = ctx.households[i];
    if (!matches(h, step.filter)) continue;
    const w = weightOf(h, step);
    if (w === 0n) continue;
    indices.push(i);
    weights.push(asWeight(w));
  }
  if (indices.length === 0) {
    if (step.ifNobody) {
      ctx.accounts.push({
        account: step.ifNobody.account,
        path,
        label: `${step.label}（无符合条件农户）`,
        amountFen: amount,
      });
      return;
    }
    throw new EngineError(
      EngineErrorCode.NoRecipients,
      `“${step.label}”没有符合条件的农户 / No household qualifies for "${step.label}"`,
      path,
    );
  }
  const keys = indices.map((i) => ctx.keys[i]);
  const notes = new Map<number, string>();
  let amounts: bigint[];
  if (!step.cap) {
    amounts = allocate(amount, weights, { keys });
  } else {
    amounts = capped(ctx, step, amount, path, weights, keys, notes, indices);
  }
  const paid = amounts.reduce((a, b) => a + b, 0n);
  pay(ctx, { path, label: step.label, basis: step.basis, amountFen: paid, indices, weights, amounts, notes });
}

/**
 * Water-filling under a ceiling: allocate, fix those over the cap at the cap, share what is left
 * among the rest by their weights, until nobody is over. With `excess: { account }` the excess
 * goes to that account instead of being shared.
 */
function capped(
  ctx: Context,
  step: ProRataStep,
  amount: bigint,
  path: string,
  weights: Weight[],
  keys: string[],
  notes: Map<number, string>,
  indices: number[],
): bigint[] {
  const cap = BigInt(step.cap!.maxPerHouseholdFen);
  const capNote = `capped at ${step.cap!.maxPerHouseholdFen} fen`;
  if (step.cap!.excess !== 'redistribute') {
    const amounts = allocate(amount, weights, { keys });
    let excess = 0n;
    amounts.forEach((a, k) => {
      if (a > cap) {
        excess += a - cap;
        amounts[k] = cap;
        notes.set(indices[k], capNote);
      }
    });
    if (excess > 0n)
      ctx.accounts.push({
        account: step.cap!.excess.account,
        path,
        label: `${step.label}（超出封顶部分）`,
        amountFen: excess,
      });
    return amounts;
  }
  const amounts = new Array<bigint>(weights.length).fill(0n);
  let active = weights.map((_, k) => k);
  let remaining = amount;
  for (;;) {
    const parts = allocate(
      remaining,
      active.map((k) => weights[k]),
      { keys: active.map((k) => keys[k]) },
    );
    const over = active.filter((_, j) => parts[j] > cap);
    if (over.length === 0) {
      active.forEach((k, j) => (amounts[k] = parts[j]));
      return amounts;
    }
    const overSet = new Set(over);
    for (const k of over) {
      amounts[k] = cap;
      notes.set(indices[k], capNote);
      remaining -= cap;
    }
    active = active.filter((k) => !overSet.has(k));
    if (active.length === 0 && remaining > 0n) {
      if (step.ifNobody) {
        ctx.accounts.push({
          account: step.ifNobody.account,
          path,
          label: `${step.label}（封顶后余额）`,
          amountFen: remaining,
        });
        return amounts;
      }
      throw new EngineError(
        EngineErrorCode.CapLeavesRemainder,
        `“${step.label}”所有农户均已封顶，余额无去处 / Every household is capped in "${step.label}" and money is left over`,
        path,
      );
    }
    if (active.length === 0) return amounts;
  }
}

/** One line of a household's explanation: which step paid it, on what weight, how much. */
export interface ExplanationLine {
  step: string;
  label: string;
  basis: string;
  weight: string;
  stepAmountFen: string;
  amountFen: string;
  note?: string;
}

/** How one household's amount was computed, step by step. */
export function explainHousehold(result: EngineResult, index: number): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  for (const p of result.payments) {
    const k = binarySearch(p.indices, index);
    if (k < 0) continue;
    const note = p.notes.get(index);
    lines.push({
      step: p.path,
      label: p.label,
      basis: p.basis,
      weight: String(p.weights[k]),
      stepAmountFen: String(p.amountFen),
      amountFen: String(p.amounts[k]),
      ...(note ? { note } : {}),
    });
  }
  return lines;
}

function binarySearch(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Account parts merged by account name, sorted by name. */
export function accountTotals(result: EngineResult): Array<{ account: string; amountFen: bigint }> {
  const map = new Map<string, bigint>();
  for (const a of result.accounts) map.set(a.account, (map.get(a.account) ?? 0n) + a.amountFen);
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([account, amountFen]) => ({ account, amountFen }));
}
