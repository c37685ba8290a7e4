import { z } from 'zod';

import { organisationTypeSchema } from '../../http/registry/organisations';

/** What other services keep of an organisation: enough to use it as a scope and show its name. */
export const organisationSnapshotSchema = z.object({
  organisationId: z.uuid(),
  type: organisationTypeSchema,
  name: z.string().min(1),
  regionCode: z.string().regex(/^\d{6}(\d{3}){0,3}$/),
  countyCode: z.string().regex(/^\d{6}$/),
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .nullable(),
  villageCode: z
    .string()
    .regex(/^\d{12}$/)
    .nullable(),
  active: z.boolean(),
});
export type OrganisationSnapshot = z.infer<typeof organisationSnapshotSchema>;
