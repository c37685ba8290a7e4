import { isValidResidentIdNumber, registerHouseholdBodySchema, SUB_CLASS_PARENT } from '@fupin/contracts';
import { demoHouseholds } from './demo-households';

describe('demo households', () => {
  const households = demoHouseholds();

  it('are 300, the same every time, and each passes the registration contract', () => {
    expect(households).toHaveLength(300);
    expect(demoHouseholds()).toEqual(households);
    for (const h of households) expect(registerHouseholdBodySchema.safeParse(h.body).success).toBe(true);
  });

  it('have unique numbers, cards and valid, unique ID numbers matching birth years', () => {
    const ids = households.flatMap((h) => h.body.members.flatMap((m) => (m.idNumber ? [m] : [])));
    expect(new Set(ids.map((m) => m.idNumber)).size).toBe(ids.length);
    for (const m of ids) {
      expect(isValidResidentIdNumber(m.idNumber!)).toBe(true);
      expect(Number(m.idNumber!.slice(6, 10))).toBe(m.birthYear);
    }
    expect(new Set(households.map((h) => h.body.householdNumber)).size).toBe(300);
    expect(new Set(households.map((h) => h.body.pointsCardNumber)).size).toBe(300);
  });

  it('give the head a labour capacity that fits the household class', () => {
    for (const h of households) {
      const head = h.body.members.find((m) => m.relation === 'head')!;
      const expected = { able: 'full', weak: 'weak', none: 'none' }[SUB_CLASS_PARENT[h.body.subClass!]];
      expect(head.labourCapacity).toBe(expected);
    }
  });
});
