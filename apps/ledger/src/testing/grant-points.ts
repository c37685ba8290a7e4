import { DataSource } from 'typeorm';
import { householdAccount, postEntry, villageIssuanceAccount } from '../accounts/journal';
import { systemContext } from '@fupin/service-kit';

/** Credits a household through the real posting code (as an approved sheet would), for test set-up. */
export async function grantPoints(
  ds: DataSource,
  householdId: string,
  villageCode: string,
  points: number,
): Promise<void> {
  await ds.transaction(async (m) => {
    const account = (await householdAccount(m, householdId))!;
    const issuance = await villageIssuanceAccount(m, villageCode);
    await postEntry(m, systemContext('test'), {
      kind: 'award',
      reason: 'test grant',
      legs: [
        { accountId: account.id, amount: points },
        { accountId: issuance, amount: -points },
      ],
    });
  });
}
