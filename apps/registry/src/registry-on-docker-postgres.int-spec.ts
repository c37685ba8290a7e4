/**
 * The production-like path: the registry against the official PostgreSQL image (as in
 * docker-compose), started by testcontainers. Skips itself, saying why, where no Docker engine
 * answers — as on the development machines, where the embedded server is used instead.
 */
import { describeWithDocker } from '@fupin/service-kit/testing';
import { startService } from '@fupin/service-kit';
import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';
import { registryService } from './registry.service';

describeWithDocker('registry on the official postgres image', () => {
  let container: StartedTestContainer;
  beforeAll(async () => {
    container = await new GenericContainer('postgres:18')
      .withEnvironment({ POSTGRES_USER: 'fupin', POSTGRES_PASSWORD: 'fupin', POSTGRES_DB: 'registry' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
  }, 180_000);
  afterAll(async () => {
    await container?.stop();
  });

  it('migrates and answers healthy', async () => {
    const url = `postgres://fupin:fupin@${container.getHost()}:${container.getMappedPort(5432)}/registry`;
    const service = await startService(registryService, { PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: url });
    try {
      const res = await fetch(`${service.url}/health`);
      expect(res.status).toBe(200);
    } finally {
      await service.app.close();
    }
  });
});
