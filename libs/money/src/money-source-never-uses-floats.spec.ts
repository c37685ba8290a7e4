import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A guard for the library's one rule: amounts never pass through binary fractions.
describe('money source', () => {
  const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

  it.each(sources)('%s avoids parseFloat, toFixed, Math.round and Intl number formatting', (file) => {
    const text = readFileSync(join(__dirname, file), 'utf8');
    expect(text).not.toMatch(/parseFloat|toFixed|toPrecision|Math\.round|Intl\.NumberFormat|toLocaleString/);
  });
});
