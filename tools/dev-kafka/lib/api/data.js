// @ts-check
'use strict';

/** Record APIs: Produce, Fetch (long-poll), ListOffsets and InitProducerId. */

const { Writer } = require('../codec');
const { ErrorCode } = require('../errors');
const { splitBatches } = require('../record-batch');

/**
 * @typedef {import('./index').ApiDef} ApiDef
 * @typedef {import('./index').Ctx} Ctx
 * @typedef {import('../partition-log').PartitionLog} PartitionLog
 */

/** @type {ApiDef} */
const Produce = {
  name: 'Produce',
  min: 3,
  max: 7,
  handle(r, v, ctx) {
    r.string(); // transactional_id (transactions are not supported; batches are stored as-is)
    const acks = r.int16();
    r.int32(); // timeout_ms
    const topics = r.arr((x) => ({
      name: x.str(),
      partitions: x.arr((y) => ({ index: y.int32(), records: y.bytes() })),
    }));
    const results = topics.map((t) => {
      const { error: topicError, logs } = ctx.storage.topic(t.name, true);
      const partitions = t.partitions.map((p) => {
        const log = logs[p.index];
        let error = topicError || (log ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        if (acks !== 0 && acks !== 1 && acks !== -1) error = ErrorCode.INVALID_REQUIRED_ACKS;
        if (error || !log) return { index: p.index, error, baseOffset: -1, logStartOffset: -1 };
        const split = splitBatches(p.records);
        if (split.error) {
          ctx.log.warn(
            `rejected produce to ${t.name}/${p.index} from ${ctx.clientId}: invalid record batch (error ${split.error})`,
          );
          return { index: p.index, error: split.error, baseOffset: -1, logStartOffset: -1 };
        }
        const res = log.append(split.batches);
        return {
          index: p.index,
          error: res.error,
          baseOffset: res.baseOffset,
          logStartOffset: log.logStartOffset,
        };
      });
      return { name: t.name, partitions };
    });
    if (acks === 0) return null;
    const w = new Writer();
    w.array(results, (x, t) => {
      x.string(t.name);
      x.array(t.partitions, (y, p) => {
        y.int32(p.index).int16(p.error).int64(p.baseOffset);
        if (v >= 2) y.int64(-1); // log_append_time_ms: CreateTime topics
        if (v >= 5) y.int64(p.logStartOffset);
      });
    });
    w.int32(0); // throttle_time_ms
    return w;
  },
};

/**
 * @typedef {{ partition: number, offset: number, maxBytes: number }} FetchPartition
 * @typedef {{ name: string, partitions: FetchPartition[] }} FetchTopic
 * @typedef {{ partition: number, error: number, hw: number, start: number, records: Buffer[] }} FetchedPartition
 */

/**
 * @param {Ctx} ctx @param {FetchTopic[]} topics @param {number} maxBytes
 * @returns {{ topics: { name: string, partitions: FetchedPartition[] }[], bytes: number, errors: boolean }}
 */
function collect(ctx, topics, maxBytes) {
  let bytes = 0;
  let errors = false;
  const out = topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p) => {
      const log = ctx.storage.partition(t.name, p.partition);
      if (!log || log.closed) {
        errors = true;
        return {
          partition: p.partition,
          error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          hw: -1,
          start: -1,
          records: [],
        };
      }
      const hw = log.nextOffset;
      const start = log.logStartOffset;
      if (p.offset < start || p.offset > hw) {
        errors = true;
        return { partition: p.partition, error: ErrorCode.OFFSET_OUT_OF_RANGE, hw, start, records: [] };
      }
      // The first batch of each partition is returned even when larger than the limits
      // (KIP-74) as long as the response is not full yet, so a big batch never stalls.
      const budget = Math.min(p.maxBytes, maxBytes - bytes);
      const records = budget > 0 && p.offset < hw ? log.read(p.offset, budget) : [];
      for (const b of records) bytes += b.length;
      return { partition: p.partition, error: ErrorCode.NONE, hw, start, records };
    }),
  }));
  return { topics: out, bytes, errors };
}

/** @type {ApiDef} */
const Fetch = {
  name: 'Fetch',
  min: 4,
  max: 11,
  handle(r, v, ctx) {
    r.int32(); // replica_id
    const maxWait = r.int32();
    const minBytes = r.int32();
    const maxBytes = r.int32();
    r.int8(); // isolation_level: without transactions READ_COMMITTED == READ_UNCOMMITTED
    if (v >= 7) {
      r.int32(); // session_id: incremental fetch sessions are not offered (we answer session 0)
      r.int32(); // session_epoch
    }
    /** @type {FetchTopic[]} */
    const topics = r.arr((x) => ({
      name: x.str(),
      partitions: x.arr((y) => {
        const partition = y.int32();
        if (v >= 9) y.int32(); // current_leader_epoch
        const offset = y.int64();
        if (v >= 5) y.int64(); // log_start_offset (followers only)
        return { partition, offset, maxBytes: y.int32() };
      }),
    }));
    if (v >= 7) r.arr((x) => [x.str(), x.arr((y) => y.int32())]); // forgotten_topics_data
    if (v >= 11) r.string(); // rack_id

    const limit = maxBytes > 0 ? maxBytes : 0x7fffffff;
    const first = collect(ctx, topics, limit);
    if (maxWait <= 0 || minBytes <= 0 || first.errors || first.bytes >= minBytes) {
      return encodeFetch(v, first.topics);
    }

    /** @type {Set<PartitionLog>} */
    const logs = new Set();
    for (const t of topics)
      for (const p of t.partitions) {
        const log = ctx.storage.partition(t.name, p.partition);
        if (log) logs.add(log);
      }
    // Long poll: park until an append to one of these partitions brings enough bytes.
    return new Promise((resolve, reject) => {
      let done = false;
      /** @param {boolean} respond */
      const finish = (respond) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        for (const l of logs) l.listeners.delete(onAppend);
        unregister();
        try {
          resolve(respond ? encodeFetch(v, collect(ctx, topics, limit).topics) : null);
        } catch (e) {
          reject(e); // e.g. a disk read error: the connection is closed and the error logged
        }
      };
      const onAppend = () => {
        let ready = minBytes <= 1;
        try {
          ready ||= collect(ctx, topics, limit).bytes >= minBytes;
        } catch {
          ready = true; // let finish() report it
        }
        if (ready) finish(true);
      };
      const timer = setTimeout(() => finish(true), maxWait);
      const unregister = ctx.onClose(() => finish(false));
      for (const l of logs) l.listeners.add(onAppend);
    });
  },
};

/**
 * @param {number} v @param {{ name: string, partitions: FetchedPartition[] }[]} topics
 * @returns {Writer}
 */
function encodeFetch(v, topics) {
  const w = new Writer().int32(0); // throttle_time_ms
  if (v >= 7) w.int16(ErrorCode.NONE).int32(0); // error_code, session_id
  w.array(topics, (x, t) => {
    x.string(t.name);
    x.array(t.partitions, (y, p) => {
      y.int32(p.partition).int16(p.error).int64(p.hw).int64(p.hw); // high watermark, last stable offset
      if (v >= 5) y.int64(p.start);
      y.array([], () => {}); // aborted_transactions
      if (v >= 11) y.int32(-1); // preferred_read_replica
      y.bytesParts(p.records);
    });
  });
  return w;
}

/** @type {ApiDef} */
const ListOffsets = {
  name: 'ListOffsets',
  min: 0,
  max: 3,
  handle(r, v, ctx) {
    r.int32(); // replica_id
    if (v >= 2) r.int8(); // isolation_level
    const topics = r.arr((x) => ({
      name: x.str(),
      partitions: x.arr((y) => {
        const partition = y.int32();
        const timestamp = y.int64();
        if (v === 0) y.int32(); // max_num_offsets
        return { partition, timestamp };
      }),
    }));
    const w = new Writer();
    if (v >= 2) w.int32(0);
    w.array(topics, (x, t) => {
      x.string(t.name);
      x.array(t.partitions, (y, p) => {
        const log = ctx.storage.partition(t.name, p.partition);
        let found = { offset: -1, timestamp: -1 };
        if (log && p.timestamp === -1) found = { offset: log.nextOffset, timestamp: -1 };
        else if (log && p.timestamp === -2) found = { offset: log.logStartOffset, timestamp: -1 };
        else if (log) found = log.offsetForTimestamp(p.timestamp);
        y.int32(p.partition).int16(log ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        if (v === 0) y.array(found.offset >= 0 ? [found.offset] : [], (z, o) => z.int64(o));
        else y.int64(found.timestamp).int64(found.offset);
      });
    });
    return w;
  },
};

/** @type {ApiDef} */
const InitProducerId = {
  name: 'InitProducerId',
  min: 0,
  max: 1,
  handle(r, _v, ctx) {
    const transactionalId = r.string();
    r.int32(); // transaction_timeout_ms
    let producerId;
    let epoch = 0;
    const known = transactionalId ? ctx.storage.transactionalIds.get(transactionalId) : undefined;
    if (known && known.epoch < 32767) {
      producerId = known.producerId;
      epoch = ++known.epoch;
    } else {
      producerId = ctx.storage.allocateProducerId();
      if (transactionalId) ctx.storage.transactionalIds.set(transactionalId, { producerId, epoch });
    }
    return new Writer().int32(0).int16(ErrorCode.NONE).int64(producerId).int16(epoch);
  },
};

module.exports = { 0: Produce, 1: Fetch, 2: ListOffsets, 22: InitProducerId };
