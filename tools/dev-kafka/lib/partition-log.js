// @ts-check
'use strict';

/**
 * One partition's append-only log. Batches are stored exactly as produced (with the broker
 * assigned base offset) either in memory or in a single file `<partition>.log`, with an
 * in-memory index of batch positions. On open, the file is scanned and a torn or corrupt
 * tail (crash in the middle of a write) is truncated away.
 */

const fs = require('node:fs');
const { HEADER_SIZE, readHeader, setBaseOffset, checkFrame, decodeRecords } = require('./record-batch');
const { ErrorCode } = require('./errors');

const INT32_MAX = 2147483647;
const CRC_CHECK_TAIL = 8 * 1024 * 1024; // bytes at the end of the file whose CRC is verified on open
const KAFKA_STORAGE_ERROR = 56;

/**
 * @typedef {object} Entry
 * @property {number} base first offset of the batch
 * @property {number} last last offset of the batch
 * @property {number} pos byte position in the file
 * @property {number} size byte size of the batch
 * @property {number} maxTs max timestamp of the batch
 * @property {Buffer | null} buf batch bytes (in-memory logs only)
 *
 * @typedef {{ first: number, last: number, base: number }} SeqRange
 * @typedef {{ epoch: number, recent: SeqRange[] }} ProducerState
 * @typedef {'always' | 'interval' | 'never'} FsyncPolicy
 */

/** @param {number} fd @param {Buffer} buf @param {number} pos */
function readFully(fd, buf, pos) {
  let done = 0;
  while (done < buf.length) {
    const n = fs.readSync(fd, buf, done, buf.length - done, pos + done);
    if (n === 0) throw new Error('unexpected end of log file');
    done += n;
  }
}

/** @param {number} seq @param {number} delta */
const addSeq = (seq, delta) => (seq + delta > INT32_MAX ? seq + delta - INT32_MAX - 1 : seq + delta);

class PartitionLog {
  /**
   * @param {object} o
   * @param {string | null} o.file path of the log file, or null to keep the log in memory
   * @param {FsyncPolicy} [o.fsync]
   * @param {(msg: string) => void} [o.warn]
   */
  constructor({ file, fsync = 'interval', warn = () => {} }) {
    /** @type {Entry[]} */
    this.entries = [];
    this.nextOffset = 0;
    this.file = file;
    this.fsync = fsync;
    this.fd = -1;
    this.fileSize = 0;
    this.dirty = false;
    this.closed = false;
    /** @type {Set<() => void>} */
    this.listeners = new Set();
    /** @type {Map<number, ProducerState>} */
    this.producers = new Map();
    if (file) this.recover(warn);
  }

  get logStartOffset() {
    return this.entries.length ? this.entries[0].base : this.nextOffset;
  }

  /** @param {(msg: string) => void} warn */
  recover(warn) {
    const file = /** @type {string} */ (this.file);
    this.fd = fs.openSync(file, 'a+');
    const size = fs.fstatSync(this.fd).size;
    const hdr = Buffer.alloc(HEADER_SIZE);
    let pos = 0;
    while (size - pos >= HEADER_SIZE) {
      readFully(this.fd, hdr, pos);
      const batchSize = 12 + hdr.readInt32BE(8);
      if (batchSize < HEADER_SIZE || pos + batchSize > size || hdr.readInt8(16) !== 2) break;
      const h = readHeader(hdr);
      if (h.baseOffset < this.nextOffset || h.lastOffsetDelta < 0) break;
      if (pos + batchSize > size - CRC_CHECK_TAIL) {
        const full = Buffer.allocUnsafe(batchSize);
        readFully(this.fd, full, pos);
        if (checkFrame(full, 0).error) break;
      }
      this.index(h, pos, null);
      pos += batchSize;
    }
    if (pos < size) {
      warn(
        `${file}: truncating ${size - pos} bytes of torn/corrupt data at byte ${pos} (offset ${this.nextOffset})`,
      );
      fs.ftruncateSync(this.fd, pos);
      fs.fsyncSync(this.fd);
    }
    this.fileSize = pos;
  }

  /**
   * @param {import('./record-batch').BatchHeader} h
   * @param {number} pos @param {Buffer | null} buf
   */
  index(h, pos, buf) {
    const base = h.baseOffset;
    const last = base + h.lastOffsetDelta;
    this.entries.push({ base, last, pos, size: h.size, maxTs: h.maxTimestamp, buf });
    this.nextOffset = last + 1;
    if (h.producerId >= 0 && h.baseSequence >= 0) {
      let st = this.producers.get(h.producerId);
      if (!st || st.epoch !== h.producerEpoch) {
        st = { epoch: h.producerEpoch, recent: [] };
        this.producers.set(h.producerId, st);
      }
      st.recent.push({ first: h.baseSequence, last: addSeq(h.baseSequence, h.lastOffsetDelta), base });
      if (st.recent.length > 5) st.recent.shift();
    }
  }

  /**
   * Idempotent-producer checks for one batch.
   * @param {import('./record-batch').BatchHeader} h
   * @returns {{ error: number, duplicateOf?: number }}
   */
  checkSequence(h) {
    if (h.producerId < 0 || h.baseSequence < 0) return { error: ErrorCode.NONE };
    const st = this.producers.get(h.producerId);
    if (!st) return { error: ErrorCode.NONE };
    if (h.producerEpoch < st.epoch) return { error: ErrorCode.INVALID_PRODUCER_EPOCH };
    if (h.producerEpoch > st.epoch) {
      return { error: h.baseSequence === 0 ? ErrorCode.NONE : ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER };
    }
    const lastSeq = addSeq(h.baseSequence, h.lastOffsetDelta);
    const dup = st.recent.find((r) => r.first === h.baseSequence && r.last === lastSeq);
    if (dup) return { error: ErrorCode.NONE, duplicateOf: dup.base };
    const expected = addSeq(st.recent[st.recent.length - 1].last, 1);
    return { error: h.baseSequence === expected ? ErrorCode.NONE : ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER };
  }

  /**
   * Appends validated batches (from one Produce request) and assigns their offsets.
   * @param {Buffer[]} batches
   * @returns {{ error: number, baseOffset: number }}
   */
  append(batches) {
    if (this.closed) return { error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, baseOffset: -1 };
    const headers = batches.map((b) => readHeader(b));
    for (const h of headers) {
      const { error, duplicateOf } = this.checkSequence(h);
      if (error) return { error, baseOffset: -1 };
      if (duplicateOf !== undefined) return { error: ErrorCode.NONE, baseOffset: duplicateOf };
    }
    const baseOffset = this.nextOffset;
    let offset = baseOffset;
    /** @type {Buffer[]} */
    const stored = [];
    for (const b of batches) {
      const copy = this.fd < 0 ? Buffer.from(b) : b;
      setBaseOffset(copy, offset);
      offset += readHeader(copy).lastOffsetDelta + 1;
      stored.push(copy);
    }
    let pos = this.fileSize;
    if (this.fd >= 0) {
      try {
        this.write(stored.length === 1 ? stored[0] : Buffer.concat(stored));
      } catch {
        try {
          fs.ftruncateSync(this.fd, this.fileSize);
        } catch {
          /* best effort */
        }
        return { error: KAFKA_STORAGE_ERROR, baseOffset: -1 };
      }
    }
    for (const b of stored) {
      this.index(readHeader(b), pos, this.fd < 0 ? b : null);
      pos += b.length;
    }
    this.fileSize = pos;
    this.notify();
    return { error: ErrorCode.NONE, baseOffset };
  }

  /** @param {Buffer} data */
  write(data) {
    let done = 0;
    while (done < data.length) done += fs.writeSync(this.fd, data, done, data.length - done);
    if (this.fsync === 'always') fs.fsyncSync(this.fd);
    else this.dirty = true;
  }

  notify() {
    for (const fn of [...this.listeners]) fn();
  }

  /** @param {number} offset @returns {number} index of the first batch whose last offset >= offset */
  find(offset) {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].last < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Reads whole batches starting with the one containing `offset`: at least one batch,
   * then more while they fit in `maxBytes`.
   * @param {number} offset @param {number} maxBytes
   * @returns {Buffer[]}
   */
  read(offset, maxBytes) {
    if (this.closed) return [];
    const first = this.find(offset);
    let end = first;
    let total = 0;
    while (end < this.entries.length && (end === first || total + this.entries[end].size <= maxBytes)) {
      total += this.entries[end].size;
      end++;
    }
    if (end === first) return [];
    if (this.fd < 0) return this.entries.slice(first, end).map((e) => /** @type {Buffer} */ (e.buf));
    const buf = Buffer.allocUnsafe(total);
    readFully(this.fd, buf, this.entries[first].pos);
    return [buf];
  }

  /** @param {Entry} e @returns {Buffer} */
  batchAt(e) {
    if (e.buf) return e.buf;
    const buf = Buffer.allocUnsafe(e.size);
    readFully(this.fd, buf, e.pos);
    return buf;
  }

  /**
   * Earliest offset whose timestamp is >= ts, or -1 when there is none.
   * @param {number} ts @returns {{ offset: number, timestamp: number }}
   */
  offsetForTimestamp(ts) {
    for (const e of this.entries) {
      if (e.maxTs < ts) continue; // producers may set maxTimestamp loosely: records decide
      try {
        const rec = decodeRecords(this.batchAt(e)).find((r) => r.timestamp >= ts);
        if (rec) return { offset: rec.offset, timestamp: rec.timestamp };
      } catch {
        return { offset: e.base, timestamp: e.maxTs }; // a codec the broker cannot decode
      }
    }
    return { offset: -1, timestamp: -1 };
  }

  sync() {
    if (this.dirty && this.fd >= 0) {
      fs.fsyncSync(this.fd);
      this.dirty = false;
    }
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    if (this.fd >= 0) {
      try {
        if (this.fsync !== 'never') this.sync();
      } finally {
        fs.closeSync(this.fd);
        this.fd = -1;
      }
    }
    this.notify();
  }
}

module.exports = { PartitionLog };
