// @ts-check
'use strict';

/**
 * Kafka wire-protocol primitives: a bounds-checked Reader and a Writer that keeps large
 * byte payloads (record batches) by reference instead of copying them.
 *
 * Covers both the classic encodings (int16-prefixed strings, int32-prefixed arrays/bytes)
 * and the "flexible" ones (unsigned-varint "compact" lengths, tagged fields).
 */

class ProtocolError extends Error {}

class Reader {
  /** @param {Buffer} buf @param {number} [offset] */
  constructor(buf, offset = 0) {
    this.buf = buf;
    this.offset = offset;
  }

  /** @param {number} n */
  need(n) {
    if (n < 0 || this.offset + n > this.buf.length) {
      throw new ProtocolError(
        `truncated: need ${n} bytes at ${this.offset}, have ${this.buf.length - this.offset}`,
      );
    }
  }

  remaining() {
    return this.buf.length - this.offset;
  }

  int8() {
    this.need(1);
    return this.buf.readInt8(this.offset++);
  }

  bool() {
    return this.int8() !== 0;
  }

  int16() {
    this.need(2);
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  int32() {
    this.need(4);
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  uint32() {
    this.need(4);
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  /** int64 as a JS number (offsets, timestamps and producer ids stay far below 2^53). */
  int64() {
    this.need(8);
    const v = Number(this.buf.readBigInt64BE(this.offset));
    this.offset += 8;
    return v;
  }

  /** Unsigned LEB128 varint, up to 2^53. */
  uvarint() {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      this.need(1);
      const b = this.buf[this.offset++];
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return result;
      mul *= 128;
    }
    throw new ProtocolError('varint too long');
  }

  /** Zig-zag signed varint/varlong (record format). */
  varint() {
    const u = this.uvarint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** @param {number} n */
  raw(n) {
    this.need(n);
    const out = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  /** @returns {string | null} */
  string() {
    const len = this.int16();
    if (len < 0) return null;
    return this.raw(len).toString('utf8');
  }

  /** Non-nullable string: a null becomes ''. */
  str() {
    return this.string() ?? '';
  }

  /** @returns {string | null} */
  compactString() {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.raw(len).toString('utf8');
  }

  /** @returns {Buffer | null} */
  bytes() {
    const len = this.int32();
    if (len < 0) return null;
    return this.raw(len);
  }

  /** @returns {Buffer | null} */
  compactBytes() {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.raw(len);
  }

  /**
   * @template T
   * @param {(r: Reader) => T} fn
   * @returns {T[] | null}
   */
  array(fn) {
    const n = this.int32();
    if (n < 0) return null;
    // every element needs at least one byte: refuse absurd counts before looping
    this.need(Math.min(n, this.remaining() + 1));
    /** @type {T[]} */
    const out = [];
    for (let i = 0; i < n; i++) out.push(fn(this));
    return out;
  }

  /**
   * @template T
   * @param {(r: Reader) => T} fn
   * @returns {T[]}
   */
  arr(fn) {
    return this.array(fn) ?? [];
  }

  /**
   * @template T
   * @param {(r: Reader) => T} fn
   * @returns {T[] | null}
   */
  compactArray(fn) {
    const n = this.uvarint() - 1;
    if (n < 0) return null;
    this.need(Math.min(n, this.remaining() + 1));
    /** @type {T[]} */
    const out = [];
    for (let i = 0; i < n; i++) out.push(fn(this));
    return out;
  }

  /** Skips a tagged-field section (none of the tags we implement carry data we need). */
  taggedFields() {
    const n = this.uvarint();
    for (let i = 0; i < n; i++) {
      this.uvarint();
      this.raw(this.uvarint());
    }
  }
}

const CHUNK = 16 * 1024;
const BY_REFERENCE = 512;

class Writer {
  constructor() {
    /** @type {Buffer[]} */
    this.parts = [];
    this.cur = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
    this.length = 0;
  }

  /** @param {number} n */
  ensure(n) {
    if (this.pos + n <= this.cur.length) return;
    this.flush();
    this.cur = Buffer.allocUnsafe(Math.max(CHUNK, n));
  }

  flush() {
    if (this.pos > 0) this.parts.push(this.cur.subarray(0, this.pos));
    this.cur = this.cur.subarray(this.pos);
    this.pos = 0;
  }

  /** @param {number} v */
  int8(v) {
    this.ensure(1);
    this.cur.writeInt8(v, this.pos);
    this.pos += 1;
    this.length += 1;
    return this;
  }

  /** @param {boolean} v */
  bool(v) {
    return this.int8(v ? 1 : 0);
  }

  /** @param {number} v */
  int16(v) {
    this.ensure(2);
    this.cur.writeInt16BE(v, this.pos);
    this.pos += 2;
    this.length += 2;
    return this;
  }

  /** @param {number} v */
  int32(v) {
    this.ensure(4);
    this.cur.writeInt32BE(v, this.pos);
    this.pos += 4;
    this.length += 4;
    return this;
  }

  /** @param {number} v */
  uint32(v) {
    this.ensure(4);
    this.cur.writeUInt32BE(v >>> 0, this.pos);
    this.pos += 4;
    this.length += 4;
    return this;
  }

  /** @param {number} v */
  int64(v) {
    this.ensure(8);
    this.cur.writeBigInt64BE(BigInt(v), this.pos);
    this.pos += 8;
    this.length += 8;
    return this;
  }

  /** @param {number} v non-negative integer up to 2^53 */
  uvarint(v) {
    this.ensure(10);
    while (v >= 128) {
      this.cur[this.pos++] = (v % 128) | 0x80;
      this.length++;
      v = Math.floor(v / 128);
    }
    this.cur[this.pos++] = v;
    this.length++;
    return this;
  }

  /** @param {number} v zig-zag signed varint/varlong */
  varint(v) {
    return this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  /** @param {Buffer} buf */
  raw(buf) {
    if (buf.length >= BY_REFERENCE) {
      this.flush();
      this.parts.push(buf);
    } else {
      this.ensure(buf.length);
      buf.copy(this.cur, this.pos);
      this.pos += buf.length;
    }
    this.length += buf.length;
    return this;
  }

  /** @param {string | null | undefined} s */
  string(s) {
    if (s == null) return this.int16(-1);
    const b = Buffer.from(s, 'utf8');
    return this.int16(b.length).raw(b);
  }

  /** @param {string | null | undefined} s */
  compactString(s) {
    if (s == null) return this.uvarint(0);
    const b = Buffer.from(s, 'utf8');
    return this.uvarint(b.length + 1).raw(b);
  }

  /** @param {Buffer | null | undefined} b */
  bytes(b) {
    if (b == null) return this.int32(-1);
    return this.int32(b.length).raw(b);
  }

  /**
   * Length-prefixed bytes made of several buffers (record batches), kept by reference.
   * @param {Buffer[]} bufs
   */
  bytesParts(bufs) {
    let n = 0;
    for (const b of bufs) n += b.length;
    this.int32(n);
    for (const b of bufs) this.raw(b);
    return this;
  }

  /**
   * @template T
   * @param {T[] | null | undefined} items
   * @param {(w: Writer, item: T) => void} fn
   */
  array(items, fn) {
    if (items == null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) fn(this, item);
    return this;
  }

  /**
   * @template T
   * @param {T[] | null | undefined} items
   * @param {(w: Writer, item: T) => void} fn
   */
  compactArray(items, fn) {
    if (items == null) return this.uvarint(0);
    this.uvarint(items.length + 1);
    for (const item of items) fn(this, item);
    return this;
  }

  /** An empty tagged-field section. */
  taggedFields() {
    return this.uvarint(0);
  }

  /** @returns {Buffer[]} */
  buffers() {
    this.flush();
    return this.parts;
  }

  toBuffer() {
    return Buffer.concat(this.buffers(), this.length);
  }
}

module.exports = { Reader, Writer, ProtocolError };
