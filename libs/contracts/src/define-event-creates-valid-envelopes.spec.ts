import { z } from 'zod';

import { ContractValidationError, defineEvent, platformPingV1, TOPICS } from './index';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('defineEvent', () => {
  it('creates an envelope with a fresh uuid, the current time and the descriptor fields', () => {
    const before = Date.now();
    const event = platformPingV1.create({ aggregateId: 'run-1', payload: { message: 'hi', sequence: 1 } });
    expect(event.id).toMatch(UUID);
    expect(event.type).toBe('platform.ping');
    expect(event.version).toBe(1);
    expect(event.aggregateType).toBe('platform');
    expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(before);
    expect(platformPingV1.parse(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, value: event });
  });

  it('gives every event its own id', () => {
    const create = () => platformPingV1.create({ aggregateId: 'a', payload: { message: '', sequence: 0 } });
    expect(create().id).not.toBe(create().id);
  });

  it('keeps a given id and time, so a retried command yields the same event', () => {
    const id = '6f1c2a7e-8b1d-4f3a-9c2e-1a2b3c4d5e6f';
    const event = platformPingV1.create({
      id,
      occurredAt: new Date('2020-01-01T00:00:00Z'),
      aggregateId: 'a',
      payload: { message: 'x', sequence: 2 },
    });
    expect(event.id).toBe(id);
    expect(event.occurredAt).toBe('2020-01-01T00:00:00.000Z');
  });

  it('refuses to create an event with an invalid payload', () => {
    expect(() =>
      platformPingV1.create({ aggregateId: 'a', payload: { message: 'x', sequence: -1 } }),
    ).toThrow(ContractValidationError);
  });

  it('publishes to its topic', () => {
    expect(platformPingV1.topic).toBe(TOPICS.platformTest);
  });

  it('refuses a strict payload schema, which would break older consumers', () => {
    expect(() =>
      defineEvent({
        type: 'platform.strict',
        version: 1,
        aggregateType: 'platform',
        topic: TOPICS.platformTest,
        payload: z.strictObject({ a: z.string() }),
      }),
    ).toThrow(/z\.strictObject/);
  });

  it('refuses malformed type names and versions at definition time', () => {
    const define = (type: string, version: number) =>
      defineEvent({ type, version, aggregateType: 'x', topic: TOPICS.platformTest, payload: z.object({}) });
    expect(() => define('Household Registered', 1)).toThrow(ContractValidationError);
    expect(() => define('registry.household.registered', 0)).toThrow(ContractValidationError);
    expect(() => define('registry.household.registered', 1)).not.toThrow();
  });
});
