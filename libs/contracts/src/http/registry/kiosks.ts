import { z } from 'zod';

import { paginationQuerySchema } from '../pagination';
import { regionCodeSchema } from './regions';

/** `POST /kiosks`: register a kiosk device at a love supermarket. */
export const registerKioskBodySchema = z.strictObject({
  storeId: z.uuid(),
  name: z.string().trim().min(1).max(64),
});
export type RegisterKioskBody = z.infer<typeof registerKioskBodySchema>;

const bool = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
);

/** `GET /kiosks?…` */
export const kioskListQuerySchema = paginationQuerySchema.extend({
  storeId: z.uuid().optional(),
  regionCode: regionCodeSchema.optional(),
  active: bool,
});
export type KioskListQuery = z.output<typeof kioskListQuerySchema>;

export interface KioskView {
  id: string;
  name: string;
  storeId: string;
  storeName: string;
  villageCode: string;
  villageName: string;
  active: boolean;
  createdAt: string;
  credentialIssuedAt: string;
  lastSignInAt: string | null;
}

/** Returned once, when a kiosk is registered or its credential rotated: the secret is stored hashed only. */
export interface KioskCredentialResponse {
  kiosk: KioskView;
  /** Put into the kiosk's configuration; sent as the `X-Kiosk-Credential` header. */
  credential: string;
}

/** `GET /auth/kiosk/device`: what a kiosk learns about itself from its credential. */
export interface KioskDeviceView {
  kioskId: string;
  name: string;
  storeId: string;
  storeName: string;
  villageCode: string;
  villageName: string;
}
