import { ContractValidationError, parseEventEnvelope, platformPingV1, type PlatformPingV1 } from './index';

const validPing = () => ({
  id: '0b7f6c1e-3d0a-4c1e-9a53-5a0d3f6f2b11',
  type: 'platform.ping',
  version: 1,
  aggregateType: 'platform',
  aggregateId: 'test-run-1',
  occurredAt: '2020-06-01T08:00:00.000Z',
  payload: { message: 'hello', sequence: 0 },
});

function errorOf(raw: unknown): ContractValidationError {
  const result = platformPingV1.parse(raw);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
}

describe('a consumer parsing platform.ping v1', () => {
  it('accepts a valid event and types its payload', () => {
    const result = platformPingV1.parse(validPing());
    expect(result.ok).toBe(true);
    if (result.ok) {
      const event: PlatformPingV1 = result.value;
      expect(event.payload.sequence).toBe(0);
      expect(event.type).toBe('platform.ping');
    }
  });

  it('accepts an occurredAt with a +08:00 offset', () => {
    expect(platformPingV1.parse({ ...validPing(), occurredAt: '2020-06-01T16:00:00+08:00' }).ok).toBe(true);
  });

  it('tolerates and strips payload fields it does not know (a newer producer)', () => {
    const raw = { ...validPing(), payload: { message: 'hi', sequence: 3, addedInV1Point1: 'x' } };
    const event = platformPingV1.parseOrThrow(raw);
    expect(event.payload).toEqual({ message: 'hi', sequence: 3 });
  });

  it('tolerates and strips unknown envelope fields', () => {
    const event = platformPingV1.parseOrThrow({ ...validPing(), traceparent: '00-abc' });
    expect(event).not.toHaveProperty('traceparent');
  });

  it.each(['id', 'type', 'version', 'aggregateType', 'aggregateId', 'occurredAt', 'payload'])(
    'rejects an event missing %s, naming the field',
    (field) => {
      const raw: Record<string, unknown> = validPing();
      delete raw[field];
      const error = errorOf(raw);
      expect(error.issues.map((i) => i.path)).toContain(field);
      expect(error.message).toContain('Invalid platform.ping v1 event');
      expect(error.message).toContain(`at ${field}`);
    },
  );

  it.each([
    ['a non-uuid id', { id: '42' }, 'id'],
    ['a string version', { version: '1' }, 'version'],
    ['a fractional version', { version: 1.5 }, 'version'],
    ['a date that is not ISO', { occurredAt: '2020/06/01' }, 'occurredAt'],
    ['an empty aggregate id', { aggregateId: '' }, 'aggregateId'],
    ['a payload that is an array', { payload: [] }, 'payload'],
  ])('rejects %s', (_name, patch, path) => {
    expect(errorOf({ ...validPing(), ...patch }).issues.map((i) => i.path)).toContain(path);
  });

  it.each([
    ['a wrong payload type', { message: 7, sequence: 0 }, 'payload.message'],
    ['a missing payload field', { message: 'x' }, 'payload.sequence'],
    ['a negative sequence', { message: 'x', sequence: -1 }, 'payload.sequence'],
    ['a fractional sequence', { message: 'x', sequence: 0.5 }, 'payload.sequence'],
  ])('rejects %s in the payload', (_name, payload, path) => {
    expect(errorOf({ ...validPing(), payload }).issues.map((i) => i.path)).toContain(path);
  });

  it('rejects another event type or version sent to this descriptor', () => {
    expect(platformPingV1.parse({ ...validPing(), type: 'platform.pong' }).ok).toBe(false);
    expect(platformPingV1.parse({ ...validPing(), version: 2 }).ok).toBe(false);
  });

  it('rejects non-objects', () => {
    for (const raw of [null, undefined, 'x', 42, []]) expect(platformPingV1.parse(raw).ok).toBe(false);
    expect(() => platformPingV1.parseOrThrow(null)).toThrow(ContractValidationError);
  });
});

describe('parseEventEnvelope (dispatch before knowing the event)', () => {
  it('accepts any well-formed envelope and leaves the payload untouched', () => {
    const result = parseEventEnvelope({ ...validPing(), type: 'ledger.points.awarded', payload: { any: 1 } });
    expect(result.ok && result.value.payload).toEqual({ any: 1 });
    expect(result.ok && platformPingV1.matches(result.value)).toBe(false);
  });

  it('lets a consumer route to the right descriptor', () => {
    const result = parseEventEnvelope(validPing());
    expect(result.ok && platformPingV1.matches(result.value)).toBe(true);
  });

  it('rejects a type that is not a dotted name', () => {
    const result = parseEventEnvelope({ ...validPing(), type: 'Ping Event' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/registry\.household\.registered/);
  });
});
