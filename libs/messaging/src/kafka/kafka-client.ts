import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry } from 'kafkajs';

/** How a service reaches Kafka: a comma-separated `host:port` list, as in KAFKA_BROKERS. */
export interface KafkaSettings {
  brokers: string;
  clientId: string;
}

/** Parses `host:port,host:port`; throws one clear line on anything else. */
export function parseBrokers(brokers: string): string[] {
  const list = brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const bad = list.filter((b) => !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(b));
  if (list.length === 0 || bad.length > 0) {
    throw new Error(`KAFKA_BROKERS must be host:port[,host:port…], got "${brokers}"`);
  }
  return list;
}

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs client whose own log lines go through Nest's logger (and so into the JSON log). */
export function createKafka(settings: KafkaSettings): Kafka {
  const logger = new Logger('kafka');
  return new Kafka({
    clientId: settings.clientId,
    brokers: parseBrokers(settings.brokers),
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 5_000 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        // The relay bounds the producer's own retries on purpose: it retries the batch itself with
        // backoff, and consumers' inboxes absorb any duplicate, so this warning says nothing new.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        // Services create their topics at start and several may race. kafkajs logs the broker's
        // "already exists" answer as an error and then returns false; a real failure throws, and the
        // runtime logs that itself.
        if (message.startsWith('Response CreateTopics') && extra.error === 'Topic creation errors') return;
        logger[LEVELS[level] ?? 'log']({ ...extra, msg: message });
      },
  });
}
