import { DynamicModule, Type } from '@nestjs/common';
import type { ConsumerSpec } from '@fupin/messaging';
import { DataSource, MixedList } from 'typeorm';
import { z } from 'zod';
import { BaseConfig } from '../config/service-config';

/** What each service declares about itself; {@link startService} does the rest. */
export interface ServiceDefinition<S extends z.ZodType<BaseConfig>> {
  /** Service name: the URL prefix is `/api/<name>`. */
  name: string;
  title: string;
  description: string;
  configSchema: S;
  entities: MixedList<string | (new () => unknown)>;
  migrations: MixedList<string | (new () => unknown)>;
  /** The service's feature modules, given its typed config and connected DataSource. */
  modules: (context: ServiceContext<z.infer<S>>) => Array<Type | DynamicModule>;
  /** Topics this service publishes to (created at start with KAFKA_TOPIC_PARTITIONS partitions). */
  producedTopics?: readonly string[];
  /**
   * True when the service registers `AuthModule` itself (the registry, which signs tokens and
   * verifies them with its own keys). Every other service verifies with the registry's JWKS.
   */
  ownAuth?: boolean;
  /** The consumer groups this service runs, each with its topics and event handlers. */
  consumers?: (context: ServiceContext<z.infer<S>>) => ConsumerSpec[];
}

export interface ServiceContext<C> {
  config: C;
  dataSource: DataSource;
}
