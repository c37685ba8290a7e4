// @ts-check
'use strict';

/**
 * RecordBatch (message format v2, "magic 2") support: header parsing, CRC32C validation,
 * record decoding (varints, headers, gzip) and an encoder used by tests and tooling.
 *
 * The broker stores batches exactly as the producer sent them; the only byte it changes is
 * the base offset (not covered by the CRC), exactly like Kafka does.
 *
 * Layout: baseOffset int64 | batchLength int32 | partitionLeaderEpoch int32 | magic int8 |
 * crc uint32 | attributes int16 | lastOffsetDelta int32 | baseTimestamp int64 |
 * maxTimestamp int64 | producerId int64 | producerEpoch int16 | baseSequence int32 |
 * recordCount int32 | records...   (CRC32C covers attributes..end)
 */

const zlib = require('node:zlib');
const { Reader, Writer } = require('./codec');
const { ErrorCode } = require('./errors');

const HEADER_SIZE = 61;
const CRC_START = 21;
const LOG_OVERHEAD = 12; // baseOffset + batchLength
const MAX_DECOMPRESSED = 256 * 1024 * 1024;

const Compression = Object.freeze({ NONE: 0, GZIP: 1, SNAPPY: 2, LZ4: 3, ZSTD: 4 });

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/**
 * CRC-32C (Castagnoli), as used by RecordBatch v2.
 * @param {Buffer} buf @param {number} [start] @param {number} [end]
 */
function crc32c(buf, start = 0, end = buf.length) {
  let crc = -1;
  for (let i = start; i < end; i++) crc = CRC_TABLE[(crc ^ buf[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * @typedef {object} BatchHeader
 * @property {number} baseOffset
 * @property {number} size total bytes of the batch including offset and length fields
 * @property {number} magic
 * @property {number} crc
 * @property {number} attributes
 * @property {number} lastOffsetDelta
 * @property {number} baseTimestamp
 * @property {number} maxTimestamp
 * @property {number} producerId
 * @property {number} producerEpoch
 * @property {number} baseSequence
 * @property {number} recordCount
 */

/** @param {Buffer} buf @param {number} [off] @returns {BatchHeader} */
function readHeader(buf, off = 0) {
  return {
    baseOffset: Number(buf.readBigInt64BE(off)),
    size: LOG_OVERHEAD + buf.readInt32BE(off + 8),
    magic: buf.readInt8(off + 16),
    crc: buf.readUInt32BE(off + 17),
    attributes: buf.readInt16BE(off + 21),
    lastOffsetDelta: buf.readInt32BE(off + 23),
    baseTimestamp: Number(buf.readBigInt64BE(off + 27)),
    maxTimestamp: Number(buf.readBigInt64BE(off + 35)),
    producerId: Number(buf.readBigInt64BE(off + 43)),
    producerEpoch: buf.readInt16BE(off + 51),
    baseSequence: buf.readInt32BE(off + 53),
    recordCount: buf.readInt32BE(off + 57),
  };
}

/** @param {Buffer} batch @param {number} offset */
function setBaseOffset(batch, offset) {
  batch.writeBigInt64BE(BigInt(offset), 0);
}

/**
 * Checks framing, magic and CRC of the batch at `off`; returns its size or a negative
 * error code. Used both for produce validation and for log recovery.
 * @param {Buffer} buf @param {number} off
 * @returns {{ size: number, error: number }}
 */
function checkFrame(buf, off) {
  if (buf.length - off < HEADER_SIZE) return { size: 0, error: ErrorCode.CORRUPT_MESSAGE };
  const size = LOG_OVERHEAD + buf.readInt32BE(off + 8);
  if (size < HEADER_SIZE || off + size > buf.length) return { size: 0, error: ErrorCode.CORRUPT_MESSAGE };
  if (buf.readInt8(off + 16) !== 2) return { size, error: ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT };
  if (buf.readUInt32BE(off + 17) !== crc32c(buf, off + CRC_START, off + size)) {
    return { size, error: ErrorCode.CORRUPT_MESSAGE };
  }
  return { size, error: ErrorCode.NONE };
}

/**
 * Splits the `records` field of a Produce request into validated batches.
 * @param {Buffer | null} records
 * @returns {{ error: number, batches: Buffer[] }}
 */
function splitBatches(records) {
  /** @type {Buffer[]} */
  const batches = [];
  if (!records || records.length === 0) return { error: ErrorCode.CORRUPT_MESSAGE, batches };
  let off = 0;
  while (off < records.length) {
    const { size, error } = checkFrame(records, off);
    if (error) return { error, batches: [] };
    const batch = records.subarray(off, off + size);
    const deep = validateRecords(batch);
    if (deep) return { error: deep, batches: [] };
    batches.push(batch);
    off += size;
  }
  return { error: ErrorCode.NONE, batches };
}

/**
 * Decodes the records of an uncompressed or gzip batch to make sure they are well formed
 * (other codecs are passed through unchecked, as the broker never needs to read them).
 * @param {Buffer} batch @returns {number} error code
 */
function validateRecords(batch) {
  const h = readHeader(batch);
  if (h.recordCount < 0 || h.lastOffsetDelta < 0 || h.lastOffsetDelta < h.recordCount - 1) {
    return ErrorCode.CORRUPT_MESSAGE;
  }
  if ((h.attributes & 0x20) !== 0) return ErrorCode.NONE; // control batch
  const codec = h.attributes & 7;
  if (codec !== Compression.NONE && codec !== Compression.GZIP) return ErrorCode.NONE;
  try {
    const recs = decodeRecords(batch);
    return recs.length === h.recordCount ? ErrorCode.NONE : ErrorCode.CORRUPT_MESSAGE;
  } catch {
    return ErrorCode.CORRUPT_MESSAGE;
  }
}

/**
 * @typedef {object} RecordHeader
 * @property {string} key
 * @property {Buffer | null} value
 *
 * @typedef {object} DecodedRecord
 * @property {number} offset
 * @property {number} timestamp
 * @property {Buffer | null} key
 * @property {Buffer | null} value
 * @property {RecordHeader[]} headers
 */

/** @param {Buffer} batch @returns {Buffer} the (decompressed) records section */
function recordsSection(batch) {
  const h = readHeader(batch);
  const body = batch.subarray(HEADER_SIZE, h.size);
  switch (h.attributes & 7) {
    case Compression.NONE:
      return body;
    case Compression.GZIP:
      return zlib.gunzipSync(body, { maxOutputLength: MAX_DECOMPRESSED });
    default:
      throw new Error(`compression codec ${h.attributes & 7} is not supported by the decoder`);
  }
}

/** @param {Buffer} batch @returns {DecodedRecord[]} */
function decodeRecords(batch) {
  const h = readHeader(batch);
  const r = new Reader(recordsSection(batch));
  /** @type {DecodedRecord[]} */
  const out = [];
  for (let i = 0; i < h.recordCount; i++) {
    const len = r.varint();
    const end = r.offset + len;
    r.need(len);
    r.int8(); // record attributes (unused)
    const timestamp = h.baseTimestamp + r.varint();
    const offset = h.baseOffset + r.varint();
    const keyLen = r.varint();
    const key = keyLen < 0 ? null : Buffer.from(r.raw(keyLen));
    const valueLen = r.varint();
    const value = valueLen < 0 ? null : Buffer.from(r.raw(valueLen));
    const headerCount = r.varint();
    /** @type {RecordHeader[]} */
    const headers = [];
    for (let j = 0; j < headerCount; j++) {
      const hk = r.raw(r.varint()).toString('utf8');
      const hvLen = r.varint();
      headers.push({ key: hk, value: hvLen < 0 ? null : Buffer.from(r.raw(hvLen)) });
    }
    if (r.offset !== end) throw new Error('record length mismatch');
    out.push({ offset, timestamp, key, value, headers });
  }
  if (r.remaining() !== 0) throw new Error('trailing bytes after last record');
  return out;
}

/** @param {string | Buffer | null | undefined} v */
const toBuf = (v) => (v == null ? null : Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8'));

/**
 * @typedef {object} RecordInput
 * @property {string | Buffer | null} [key]
 * @property {string | Buffer | null} [value]
 * @property {Record<string, string | Buffer>} [headers]
 * @property {number} [timestamp]
 */

/**
 * Encodes a RecordBatch v2.
 * @param {object} opts
 * @param {RecordInput[]} opts.records
 * @param {number} [opts.baseOffset]
 * @param {'none' | 'gzip'} [opts.compression]
 * @param {number} [opts.producerId]
 * @param {number} [opts.producerEpoch]
 * @param {number} [opts.baseSequence]
 * @returns {Buffer}
 */
function encodeBatch({
  records,
  baseOffset = 0,
  compression = 'none',
  producerId = -1,
  producerEpoch = -1,
  baseSequence = -1,
}) {
  const now = Date.now();
  const baseTimestamp = records.length ? (records[0].timestamp ?? now) : now;
  let maxTimestamp = baseTimestamp;
  const body = new Writer();
  records.forEach((rec, i) => {
    const ts = rec.timestamp ?? now;
    maxTimestamp = Math.max(maxTimestamp, ts);
    const w = new Writer();
    const key = toBuf(rec.key);
    const value = toBuf(rec.value);
    w.int8(0)
      .varint(ts - baseTimestamp)
      .varint(i);
    if (key) w.varint(key.length).raw(key);
    else w.varint(-1);
    if (value) w.varint(value.length).raw(value);
    else w.varint(-1);
    const headers = Object.entries(rec.headers ?? {});
    w.varint(headers.length);
    for (const [hk, hv] of headers) {
      const kb = Buffer.from(hk, 'utf8');
      const vb = /** @type {Buffer} */ (toBuf(hv));
      w.varint(kb.length).raw(kb).varint(vb.length).raw(vb);
    }
    const rb = w.toBuffer();
    body.varint(rb.length).raw(rb);
  });
  let section = body.toBuffer();
  let codec = /** @type {number} */ (Compression.NONE);
  if (compression === 'gzip') {
    section = zlib.gzipSync(section);
    codec = Compression.GZIP;
  }
  const out = Buffer.alloc(HEADER_SIZE + section.length);
  out.writeBigInt64BE(BigInt(baseOffset), 0);
  out.writeInt32BE(out.length - LOG_OVERHEAD, 8);
  out.writeInt32BE(-1, 12);
  out.writeInt8(2, 16);
  out.writeInt16BE(codec, 21);
  out.writeInt32BE(Math.max(records.length - 1, 0), 23);
  out.writeBigInt64BE(BigInt(baseTimestamp), 27);
  out.writeBigInt64BE(BigInt(maxTimestamp), 35);
  out.writeBigInt64BE(BigInt(producerId), 43);
  out.writeInt16BE(producerEpoch, 51);
  out.writeInt32BE(baseSequence, 53);
  out.writeInt32BE(records.length, 57);
  section.copy(out, HEADER_SIZE);
  out.writeUInt32BE(crc32c(out, CRC_START), 17);
  return out;
}

module.exports = {
  HEADER_SIZE,
  Compression,
  crc32c,
  readHeader,
  setBaseOffset,
  checkFrame,
  splitBatches,
  decodeRecords,
  encodeBatch,
};
