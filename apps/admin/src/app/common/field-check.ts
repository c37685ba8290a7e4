import type { Language } from '@fupin/ui';
import { localiseServerText } from './language';

interface Parser {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
}

/**
 * Checks one value against a contract schema and returns its message in the reader's language
 * (contract messages are written “中文 / English”), or undefined when the value is fine.
 */
export function fieldProblem(schema: Parser, value: unknown, language: Language): string | undefined {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const message = result.error.issues[0]?.message ?? '';
  return localiseServerText(message, language);
}
