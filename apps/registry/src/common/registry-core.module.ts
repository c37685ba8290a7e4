import { DynamicModule, Global, Logger, Module, OnModuleInit } from '@nestjs/common';
import { SigningKeyStore } from '../auth/signing-key-store';
import { REGISTRY_CONFIG, type RegistryConfig } from '../registry-config';
import { FieldCipher } from './field-cipher';
import { SecretHasher } from './secret-hasher';

class DevelopmentKeyWarning implements OnModuleInit {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly nodeEnv: RegistryConfig['NODE_ENV'],
  ) {}

  onModuleInit(): void {
    if (this.cipher.usingDevelopmentKey) {
      // Expected in tests; a warning wherever a person runs it.
      const logger = new Logger('Registry');
      (this.nodeEnv === 'test' ? logger.debug.bind(logger) : logger.warn.bind(logger))(
        'REGISTRY_ENCRYPTION_KEY is not set: using the built-in development key. Bank accounts and signing keys ' +
          'are NOT protected at rest. Set a key (openssl rand -base64 32) before holding real data.',
      );
    }
  }
}

/** What every registry module shares: config, field encryption, secret hashing, the signing keys. */
@Global()
@Module({})
export class RegistryCoreModule {
  static forRoot(config: RegistryConfig, cipher: FieldCipher, keys: SigningKeyStore): DynamicModule {
    return {
      module: RegistryCoreModule,
      providers: [
        { provide: REGISTRY_CONFIG, useValue: config },
        { provide: FieldCipher, useValue: cipher },
        { provide: SecretHasher, useValue: new SecretHasher() },
        { provide: SigningKeyStore, useValue: keys },
        {
          provide: DevelopmentKeyWarning,
          useFactory: () => new DevelopmentKeyWarning(cipher, config.NODE_ENV),
        },
      ],
      exports: [REGISTRY_CONFIG, FieldCipher, SecretHasher, SigningKeyStore],
    };
  }
}
