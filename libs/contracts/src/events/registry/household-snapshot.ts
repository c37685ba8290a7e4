import { z } from 'zod';

import {
  householdSubClassSchema,
  labourClassSchema,
  povertyStatusSchema,
} from '../../http/registry/households';

/** Region codes every household event carries, so consumers can filter by county, town or village. */
export const householdRegionFields = {
  countyCode: z.string().regex(/^\d{6}$/),
  townCode: z.string().regex(/^\d{9}$/),
  villageCode: z.string().regex(/^\d{12}$/),
};

/**
 * What other services keep of a household in their read models. Internal: the head's full name
 * travels, ID numbers never do, and the bank account only masked.
 */
export const householdSnapshotSchema = z.object({
  householdId: z.uuid(),
  householdNumber: z.string().min(1),
  ...householdRegionFields,
  groupCode: z
    .string()
    .regex(/^\d{15}$/)
    .nullable(),
  headName: z.string().min(1),
  memberCount: z.int().min(1),
  /** Members by labour capacity (full / weak / none); they add up to memberCount. */
  labour: z.object({ full: z.int().min(0), weak: z.int().min(0), none: z.int().min(0) }),
  disabledMemberCount: z.int().min(0),
  bankName: z.string().nullable(),
  bankAccountMasked: z.string().nullable(),
  pointsCardNumber: z.string().nullable(),
  povertyStatus: povertyStatusSchema,
  labourClass: labourClassSchema.nullable(),
  subClass: householdSubClassSchema.nullable(),
  /** Increases with every change; a consumer keeps the highest it has seen. */
  version: z.int().min(1),
});
export type HouseholdSnapshot = z.infer<typeof householdSnapshotSchema>;
