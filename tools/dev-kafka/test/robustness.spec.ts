import type { Admin, Kafka, Producer } from 'kafkajs';
import { supportedApis } from '../lib/api';
import { frame, client, RawConnection, testBroker, waitFor, type Broker } from './helpers';

const UNSUPPORTED_VERSION = 35;
const MAX_REQUEST = 1024 * 1024;

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be reproduced. */
function garbage(seed: number, length: number, zeroBias = 0): Buffer {
  let a = seed;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const r = (t ^ (t >>> 14)) >>> 0;
    out[i] = r % 100 < zeroBias ? (r >>> 8) % 3 : r & 0xff; // small numbers reach deeper into decoders
  }
  return out;
}

const compactString = (s: string) => Buffer.concat([Buffer.from([Buffer.byteLength(s) + 1]), Buffer.from(s)]);

/** Parses an ApiVersions response body (after the correlation id). */
function parseApiVersions(
  body: Buffer,
  flexible: boolean,
): { error: number; apis: Map<number, [number, number]> } {
  let o = 0;
  const error = body.readInt16BE(o);
  o += 2;
  let count: number;
  if (flexible)
    count = body[o++] - 1; // uvarint, < 128 entries
  else {
    count = body.readInt32BE(o);
    o += 4;
  }
  const apis = new Map<number, [number, number]>();
  for (let i = 0; i < count; i++) {
    apis.set(body.readInt16BE(o), [body.readInt16BE(o + 2), body.readInt16BE(o + 4)]);
    o += flexible ? 7 : 6;
  }
  return { error, apis };
}

describe('robustness against bad clients', () => {
  let broker: Broker;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const internalErrors: string[] = [];
  const raws: RawConnection[] = [];
  const open = async () => {
    const c = await RawConnection.open(broker);
    raws.push(c);
    return c;
  };

  beforeAll(async () => {
    broker = await testBroker({
      maxRequestBytes: MAX_REQUEST,
      logLevel: (process.env.DEV_KAFKA_LOG as 'debug' | undefined) ?? 'error',
      logger: (level, message) => {
        if (level === 'error') internalErrors.push(message);
        else process.stderr.write(`dev-kafka ${level} ${message}\n`);
      },
    });
    kafka = client(broker);
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
    await producer.send({ topic: 'before', messages: [{ value: 'warm-up' }] });
  });

  afterEach(() => {
    // malformed input is logged as a warning; an error means a handler crashed on it
    expect(internalErrors).toEqual([]);
  });

  afterAll(async () => {
    for (const r of raws) r.close();
    await Promise.all([admin?.disconnect(), producer?.disconnect()]);
    await broker?.stop();
  });

  it('answers unknown or unimplemented API keys with UNSUPPORTED_VERSION and keeps the connection', async () => {
    const c = await open();
    c.write(frame(33, 0, 41)); // AlterConfigs v0: a real API the broker does not implement
    const res = await c.response();
    expect(res.readInt32BE(0)).toBe(41);
    expect(res.readInt16BE(4)).toBe(UNSUPPORTED_VERSION);

    c.write(frame(1234, 0, 42)); // unknown key: like every API from key 50 on, assumed flexible
    const unknown = await c.response(2);
    expect(unknown.readInt32BE(0)).toBe(42);
    expect(unknown[4]).toBe(0); // empty tagged fields of response header v1
    expect(unknown.readInt16BE(5)).toBe(UNSUPPORTED_VERSION);

    c.write(frame(18, 0, 43)); // the same connection still works
    const next = await c.response(3);
    expect(next.readInt32BE(0)).toBe(43);
    expect(parseApiVersions(next.subarray(4), false).error).toBe(0);
  });

  it('answers unsupported versions of known APIs, with the ApiVersions v0 fallback', async () => {
    const c = await open();
    c.write(frame(3, 7, 6)); // Metadata v7: newer than implemented, not yet flexible
    const res = await c.response();
    expect(res.readInt32BE(0)).toBe(6);
    expect(res.readInt16BE(4)).toBe(UNSUPPORTED_VERSION);

    c.write(frame(3, 12, 7)); // Metadata v12: flexible, so the response header carries tagged fields
    const flexible = await c.response(2);
    expect(flexible.readInt32BE(0)).toBe(7);
    expect(flexible.readInt16BE(5)).toBe(UNSUPPORTED_VERSION);

    c.write(frame(18, 9, 8)); // ApiVersions v9: answered in v0 format so the client can downgrade
    const fallback = await c.response(3);
    expect(fallback.readInt32BE(0)).toBe(8);
    const { error, apis } = parseApiVersions(fallback.subarray(4), false);
    expect(error).toBe(UNSUPPORTED_VERSION);
    expect(apis.get(18)).toEqual([0, 3]);
  });

  it('speaks ApiVersions v3 with a flexible request header, as librdkafka does', async () => {
    const c = await open();
    const body = Buffer.concat([
      Buffer.from([0]),
      compactString('test-client'),
      compactString('1.0.0'),
      Buffer.from([0]),
    ]);
    c.write(frame(18, 3, 11, body)); // header: ..., client_id, tagged fields (the leading 0 of body)
    const res = await c.response();
    expect(res.readInt32BE(0)).toBe(11);
    const { error, apis } = parseApiVersions(res.subarray(4), true);
    expect(error).toBe(0);
    expect(Object.fromEntries(apis)).toEqual(
      expect.objectContaining({
        0: [3, 7],
        1: [4, 11],
        2: [0, 3],
        3: [0, 6],
        11: [0, 5],
        18: [0, 3],
        22: [0, 1],
      }),
    );
  });

  it('closes connections announcing a huge or negative frame size', async () => {
    for (const size of [0x7fffffff, MAX_REQUEST + 1, -5, 3]) {
      const c = await open();
      const head = Buffer.alloc(12);
      head.writeInt32BE(size, 0);
      c.write(head);
      await c.waitClosed();
    }
  });

  it('closes a connection whose request body is malformed', async () => {
    const c = await open();
    const body = Buffer.alloc(4);
    body.writeInt32BE(1_000_000, 0); // Metadata v1: a million topic names that never come
    c.write(frame(3, 1, 5, body));
    await c.waitClosed();
  });

  it('never crashes a handler on random request bodies for any implemented API and version', async () => {
    const pending: Promise<void>[] = [];
    let seed = 1000;
    for (const api of supportedApis()) {
      for (let v = api.min; v <= api.max; v++) {
        for (const bias of [0, 60, 90]) {
          const body = garbage(++seed, (seed * 31) % 160, bias);
          const c = await open();
          c.write(
            frame(
              api.key,
              v,
              seed,
              v >= 3 && api.key === 18 ? Buffer.concat([Buffer.from([0]), body]) : body,
            ),
          );
          // a response, an error, a closed connection or a parked request are all fine
          pending.push(
            waitFor('an answer', () => c.frames.length > 0 || c.closed, 300).catch(() => c.close()),
          );
        }
      }
    }
    await Promise.all(pending);
    expect(seed - 1000).toBeGreaterThan(150);
    const [res] = await producer.send({ topic: 'after-fuzz', messages: [{ value: 'after fuzz' }] });
    expect(res.errorCode).toBe(0);
  });

  it('survives random garbage and truncated frames, and keeps serving kafkajs clients', async () => {
    for (let seed = 1; seed <= 50; seed++) {
      const c = await open();
      c.write(garbage(seed, 1 + ((seed * 97) % 3000)));
      await new Promise((r) => setTimeout(r, 5));
      c.close();
    }
    const truncated = await open();
    truncated.write(frame(3, 1, 1, Buffer.alloc(64)).subarray(0, 30)); // announces 80+ bytes, sends 26
    await new Promise((r) => setTimeout(r, 20));
    truncated.close();
    const valid = frame(18, 2, 9);
    const partial = await open(); // a valid request split into single bytes still works
    for (const b of valid) partial.write(Buffer.from([b]));
    expect((await partial.response()).readInt32BE(0)).toBe(9);

    // the client connected before the abuse, and a brand new one, both work
    await producer.send({ topic: 'after', messages: [{ key: 'k', value: 'still alive' }] });
    const fresh = client(broker, 'fresh').consumer({ groupId: 'after-garbage', maxWaitTimeInMs: 100 });
    const got: string[] = [];
    await fresh.connect();
    try {
      await fresh.subscribe({ topics: ['before', 'after'], fromBeginning: true });
      await fresh.run({ eachMessage: async ({ message }) => void got.push(String(message.value)) });
      await waitFor('both messages', () => got.length >= 2);
    } finally {
      await fresh.disconnect();
    }
    expect(got.sort()).toEqual(['still alive', 'warm-up']);
    expect(await admin.listTopics()).toEqual(expect.arrayContaining(['before', 'after']));
  });
});
