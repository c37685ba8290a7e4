import { DatabaseUnavailableError } from '@fupin/persistence';
import { createTestDatabase } from '@fupin/persistence/testing';
import { z } from 'zod';
import { BaseConfig } from '../config/service-config';
import { ServiceDefinition } from '../bootstrap/service-definition';
import { startService } from '../bootstrap/start-service';
import { ServiceUnderTest, startServiceForTest } from './start-service-for-test';

/**
 * The behaviour every service shell owes its callers, as one suite each service runs against
 * itself: healthy on a real database, OpenAPI served, errors as `{code, message}`, migrations
 * applied and the audit log append-only, and a one-line failure on a database it cannot reach.
 */
export function describeServiceShell<S extends z.ZodType<BaseConfig>>(
  definition: ServiceDefinition<S>,
): void {
  const name = definition.name;

  describe(`${name} service shell`, () => {
    let service: ServiceUnderTest<z.infer<S>>;
    beforeAll(async () => {
      service = await startServiceForTest(definition);
    });
    afterAll(async () => {
      await service?.stop();
    });

    it('answers readiness with its database up', async () => {
      const res = await fetch(`${service.url}/health`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.status).toBe('ok');
      expect(body.info.database.status).toBe('up');
    });

    it('answers liveness', async () => {
      const res = await fetch(`${service.url}/health/live`);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    it('serves its OpenAPI document and the docs page', async () => {
      const json = await fetch(`${service.url}/docs-json`);
      expect(json.status).toBe(200);
      const doc = await json.json();
      expect(doc.info.title).toBe(definition.title);
      expect(Object.keys(doc.paths)).toContain(`/api/${name}/health`);
      const page = await fetch(`${service.url}/docs`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('swagger');
    });

    it('answers an unknown route with 404 and a {code, message} body', async () => {
      const res = await fetch(`${service.url}/no-such-thing`);
      expect(res.status).toBe(404);
      const body = await res.json();
      expect(body.code).toBe('NOT_FOUND');
      expect(typeof body.message).toBe('string');
    });

    it('answers a malformed JSON body with 400, not 500', async () => {
      const res = await fetch(`${service.url}/health`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"broken": ',
      });
      expect(res.status).toBe(400);
      expect((await res.json()).code).toBe('BAD_REQUEST');
    });

    it('has applied its migrations, and its audit log refuses to be rewritten', async () => {
      const ds = service.app.get(await import('typeorm').then((m) => m.DataSource));
      expect(await ds.showMigrations()).toBe(false);
      await ds.query(
        `INSERT INTO audit_log (actor_id, role, scope, action, target_type, target_id) VALUES ('u1', 'county_admin', 'county:1', 'test', 'thing', 't1')`,
      );
      await expect(ds.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      const rows = await ds.query(`SELECT action FROM audit_log`);
      expect(rows).toEqual([{ action: 'test' }]);
    });
  });

  describe(`${name} start-up failures`, () => {
    it('fails with one clear line when the database cannot be reached', async () => {
      const error = await startService(definition, {
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/nowhere',
        DATABASE_CONNECT_ATTEMPTS: '1',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      const message = (error as Error).message;
      expect(message).toMatch(/^cannot connect to database 127\.0\.0\.1:1\/nowhere: /);
      expect(message).not.toContain('secret');
      expect(message).not.toContain('\n');
    });

    it('fails with one clear line when the database does not exist', async () => {
      const db = await createTestDatabase('gone');
      await db.drop();
      const error = await startService(definition, {
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATABASE_URL: db.url,
      }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/cannot connect to database .*does not exist/);
    });

    it('refuses to start on invalid configuration, naming the variable', async () => {
      const error = await startService(definition, { PORT: 'eighty', DATABASE_URL: 'mysql://x' }).catch(
        (e: unknown) => e,
      );
      expect((error as Error).message).toMatch(/invalid configuration for .*PORT.*DATABASE_URL/);
    });
  });
}
