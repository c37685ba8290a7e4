import { AuthModule } from '@fupin/auth';
import { TOPICS } from '@fupin/contracts';
import { ServiceDefinition } from '@fupin/service-kit';
import { SigningKeyStore } from './auth/signing-key-store';
import { RegistryAuthModule } from './auth/registry-auth.module';
import { AuditModule } from './audit/audit.module';
import { FieldCipher } from './common/field-cipher';
import { RegistryCoreModule } from './common/registry-core.module';
import { HouseholdImportModule } from './import/household-import.module';
import { HouseholdsModule } from './households/households.module';
import { KiosksModule } from './kiosks/kiosks.module';
import { migrations } from './migrations';
import { OrganisationsModule } from './organisations/organisations.module';
import { registryConfigSchema } from './registry-config';
import { RegionsModule } from './regions/regions.module';
import { UsersModule } from './users/users.module';

export { registryConfigSchema } from './registry-config';

/** The registry service: Regions, households (建档立卡, 户分三类), organisations, users, roles and login. */
export const registryService: ServiceDefinition<typeof registryConfigSchema> = {
  name: 'registry',
  title: '登记服务 Registry',
  description: 'Regions, households (建档立卡, 户分三类), organisations, users, roles and login.',
  configSchema: registryConfigSchema,
  entities: [],
  migrations,
  // The registry signs tokens and verifies them with its own key store, not over HTTP.
  ownAuth: true,
  producedTopics: [TOPICS.registryHouseholds, TOPICS.registryOrganisations],
  modules: ({ config, dataSource }) => {
    const cipher = FieldCipher.fromConfig(config.REGISTRY_ENCRYPTION_KEY);
    // One key store serves the registry's own guard (no HTTP round trip) and signs its tokens.
    const keys = new SigningKeyStore(dataSource, cipher);
    return [
      RegistryCoreModule.forRoot(config, cipher, keys),
      AuthModule.forRoot({
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        keyProvider: (header) => keys.verificationKey(header.kid),
      }),
      RegionsModule,
      OrganisationsModule,
      HouseholdsModule,
      UsersModule,
      RegistryAuthModule,
      KiosksModule,
      AuditModule,
      HouseholdImportModule,
    ];
  },
};
