import fc from 'fast-check';

import { selectKthLargest } from './select-kth-largest';

describe('selectKthLargest finds the cut-off remainder without a full sort', () => {
  it('agrees with sorting for numbers with many duplicates', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 })
          .chain((values) => fc.tuple(fc.constant(values), fc.integer({ min: 0, max: values.length - 1 }))),
        ([values, rank]) => {
          const sorted = [...values].sort((a, b) => b - a);
          expect(selectKthLargest(Float64Array.from(values), rank)).toBe(sorted[rank]);
        },
      ),
    );
  });

  it('agrees with sorting for bigints', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.bigInt({ min: 0n, max: 2n ** 80n }), { minLength: 1, maxLength: 100 })
          .chain((values) => fc.tuple(fc.constant(values), fc.integer({ min: 0, max: values.length - 1 }))),
        ([values, rank]) => {
          const sorted = [...values].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
          expect(selectKthLargest([...values], rank)).toBe(sorted[rank]);
        },
      ),
    );
  });
});
