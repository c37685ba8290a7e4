import * as net from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker } from '..';

export type Broker = Awaited<ReturnType<typeof startBroker>>;
export type BrokerOptions = NonNullable<Parameters<typeof startBroker>[0]>;

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

/** An in-memory broker on a random port, quiet unless DEV_KAFKA_LOG is set. */
export function testBroker(options: BrokerOptions = {}): Promise<Broker> {
  const level = (process.env.DEV_KAFKA_LOG ?? 'silent') as BrokerOptions['logLevel'];
  return startBroker({ port: 0, host: '127.0.0.1', inMemory: true, logLevel: level, ...options });
}

export function client(broker: Broker, clientId = 'dev-kafka-test'): Kafka {
  return new Kafka({
    clientId,
    brokers: [broker.brokers],
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 50, retries: 8 },
  });
}

/** Consumer settings that make rebalances happen within a few seconds. */
export const fastGroup = {
  sessionTimeout: 3000,
  rebalanceTimeout: 5000,
  heartbeatInterval: 250,
  maxWaitTimeInMs: 200,
  retry: { initialRetryTime: 50, retries: 20 },
};

export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 15000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export function frame(
  apiKey: number,
  apiVersion: number,
  correlationId: number,
  body: Buffer = Buffer.alloc(0),
  clientId = 'raw',
): Buffer {
  const id = Buffer.from(clientId);
  const header = Buffer.alloc(10);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(apiVersion, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(id.length, 8);
  const payload = Buffer.concat([header, id, body]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length, 0);
  return Buffer.concat([size, payload]);
}

/** A raw TCP connection that collects response frames. */
export class RawConnection {
  readonly frames: Buffer[] = [];
  closed = false;
  private buf = Buffer.alloc(0);
  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      while (this.buf.length >= 4 && this.buf.length >= 4 + this.buf.readInt32BE(0)) {
        const n = this.buf.readInt32BE(0);
        this.frames.push(this.buf.subarray(4, 4 + n));
        this.buf = this.buf.subarray(4 + n);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => (this.closed = true));
  }

  static open(broker: Broker): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const s = net.connect(broker.port, '127.0.0.1', () => resolve(new RawConnection(s)));
      s.once('error', reject);
    });
  }

  write(data: Buffer): void {
    this.socket.write(data);
  }

  async response(count = 1): Promise<Buffer> {
    await waitFor(`response #${count}`, () => this.frames.length >= count || this.closed, 5000);
    if (this.frames.length < count) throw new Error('connection closed before the response arrived');
    return this.frames[count - 1];
  }

  waitClosed(timeoutMs = 5000): Promise<void> {
    return waitFor('the broker to close the connection', () => this.closed, timeoutMs);
  }

  close(): void {
    this.socket.destroy();
  }
}
