/** 411322199001011234 → 411322********1234: region kept for reading, birth date hidden. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
}

/** 6228480012345678901 → 6228***********8901 */
export function maskBankAccount(accountNumber: string): string {
  return `${accountNumber.slice(0, 4)}${'*'.repeat(Math.max(accountNumber.length - 8, 4))}${accountNumber.slice(-4)}`;
}

/** Purposes bound into ciphertexts and keyed hashes, so one kind can never pass for another. */
export const CIPHER_PURPOSE = {
  bankAccount: 'household.bank_account',
  idNumber: 'household_member.id_number',
} as const;
