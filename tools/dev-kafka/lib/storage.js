// @ts-check
'use strict';

/**
 * Broker state: topics (partition logs), committed group offsets and the producer-id
 * counter, kept in memory or durably under a data directory:
 *
 *   <dataDir>/meta.json                 topics and next producer id (atomic rewrite)
 *   <dataDir>/topics/<topic>/<p>.log    one append-only log per partition
 *   <dataDir>/offsets.log               committed offsets, JSON lines (compacted on open)
 *   <dataDir>/.lock                     pid of the broker using the directory
 */

const fs = require('node:fs');
const path = require('node:path');
const { PartitionLog } = require('./partition-log');
const { ErrorCode } = require('./errors');

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
const MAX_PARTITIONS = 10000;
/** @type {Set<string>} */
const lockedInProcess = new Set();

/**
 * @typedef {import('./partition-log').FsyncPolicy} FsyncPolicy
 * @typedef {{ topic: string, partition: number, offset: number, metadata: string | null }} CommittedOffset
 * @typedef {{ info: (m: string) => void, warn: (m: string) => void }} Log
 */

/** @param {string} name */
const validTopicName = (name) => TOPIC_NAME.test(name) && name !== '.' && name !== '..';

class DataStore {
  /**
   * @param {object} o
   * @param {string | null} o.dataDir null keeps everything in memory
   * @param {FsyncPolicy} o.fsync
   * @param {number} o.fsyncIntervalMs
   * @param {number} o.defaultPartitions
   * @param {boolean} o.autoCreateTopics
   * @param {Log} o.log
   */
  constructor(o) {
    this.dataDir = o.dataDir ? path.resolve(o.dataDir) : null;
    this.fsync = o.fsync;
    this.defaultPartitions = o.defaultPartitions;
    this.autoCreateTopics = o.autoCreateTopics;
    this.log = o.log;
    /** @type {Map<string, PartitionLog[]>} */
    this.topics = new Map();
    /** @type {Map<string, Map<string, CommittedOffset>>} */
    this.offsets = new Map();
    this.nextProducerId = 1000;
    /** @type {Map<string, { producerId: number, epoch: number }>} */
    this.transactionalIds = new Map();
    this.offsetsFd = -1;
    this.offsetLines = 0;
    this.offsetsDirty = false;
    /** @type {NodeJS.Timeout | null} */
    this.timer = null;
    if (this.dataDir) this.open(this.dataDir, o.fsyncIntervalMs);
  }

  /** @param {string} dir @param {number} intervalMs */
  open(dir, intervalMs) {
    fs.mkdirSync(path.join(dir, 'topics'), { recursive: true });
    this.lock(dir);
    const metaFile = path.join(dir, 'meta.json');
    /** @type {{ topics: Record<string, { partitions: number }>, nextProducerId: number }} */
    let meta = { topics: {}, nextProducerId: 1000 };
    if (fs.existsSync(metaFile)) meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    this.nextProducerId = meta.nextProducerId;
    for (const [name, t] of Object.entries(meta.topics)) {
      const logs = [];
      for (let p = 0; p < t.partitions; p++) logs.push(this.openLog(name, p));
      this.topics.set(name, logs);
    }
    for (const d of fs.readdirSync(path.join(dir, 'topics'))) {
      if (!this.topics.has(d)) fs.rmSync(path.join(dir, 'topics', d), { recursive: true, force: true });
    }
    this.loadOffsets(path.join(dir, 'offsets.log'));
    if (this.fsync === 'interval') {
      this.timer = setInterval(() => this.syncAll(), intervalMs);
      this.timer.unref();
    }
  }

  /** @param {string} dir */
  lock(dir) {
    const file = path.join(dir, '.lock');
    if (lockedInProcess.has(dir))
      throw new Error(`data dir ${dir} is already used by a broker in this process`);
    try {
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid) {
        process.kill(pid, 0);
        throw new Error(`data dir ${dir} is locked by running process ${pid}`);
      }
    } catch (e) {
      const code = /** @type {NodeJS.ErrnoException} */ (e).code;
      if (code !== 'ENOENT' && code !== 'ESRCH') throw e;
    }
    fs.writeFileSync(file, String(process.pid));
    lockedInProcess.add(dir);
  }

  /** @param {string} topic @param {number} p */
  openLog(topic, p) {
    if (!this.dataDir) return new PartitionLog({ file: null });
    const dir = path.join(this.dataDir, 'topics', topic);
    fs.mkdirSync(dir, { recursive: true });
    return new PartitionLog({ file: path.join(dir, `${p}.log`), fsync: this.fsync, warn: this.log.warn });
  }

  saveMeta() {
    if (!this.dataDir) return;
    /** @type {Record<string, { partitions: number }>} */
    const topics = {};
    for (const [name, logs] of this.topics) topics[name] = { partitions: logs.length };
    this.atomicWrite(
      path.join(this.dataDir, 'meta.json'),
      JSON.stringify({ topics, nextProducerId: this.nextProducerId }, null, 1),
    );
  }

  /** @param {string} file @param {string} data */
  atomicWrite(file, data) {
    const tmp = `${file}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, data);
      if (this.fsync !== 'never') fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  }

  /**
   * @param {string} name @param {number} partitions
   * @returns {number} error code
   */
  createTopic(name, partitions) {
    if (!validTopicName(name)) return ErrorCode.INVALID_TOPIC_EXCEPTION;
    if (this.topics.has(name)) return ErrorCode.TOPIC_ALREADY_EXISTS;
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS)
      return ErrorCode.INVALID_PARTITIONS;
    const logs = [];
    for (let p = 0; p < partitions; p++) logs.push(this.openLog(name, p));
    this.topics.set(name, logs);
    this.saveMeta();
    this.log.info(`created topic ${name} with ${partitions} partition(s)`);
    return ErrorCode.NONE;
  }

  /** @param {string} name @param {number} count new total partition count */
  addPartitions(name, count) {
    const logs = this.topics.get(name);
    if (!logs) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    if (!Number.isInteger(count) || count <= logs.length || count > MAX_PARTITIONS)
      return ErrorCode.INVALID_PARTITIONS;
    for (let p = logs.length; p < count; p++) logs.push(this.openLog(name, p));
    this.saveMeta();
    this.log.info(`topic ${name} now has ${count} partitions`);
    return ErrorCode.NONE;
  }

  /** @param {string} name */
  deleteTopic(name) {
    const logs = this.topics.get(name);
    if (!logs) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    this.topics.delete(name);
    this.saveMeta();
    for (const l of logs) l.close();
    if (this.dataDir) fs.rmSync(path.join(this.dataDir, 'topics', name), { recursive: true, force: true });
    for (const [group, m] of this.offsets) {
      const gone = [...m.values()].filter((o) => o.topic === name);
      if (!gone.length) continue;
      for (const o of gone) m.delete(`${o.topic}\0${o.partition}`);
      this.appendOffsets(gone.map((o) => ({ g: group, t: o.topic, p: o.partition, del: true })));
    }
    this.log.info(`deleted topic ${name}`);
    return ErrorCode.NONE;
  }

  /**
   * Topic logs, auto-creating the topic when allowed.
   * @param {string} name @param {boolean} allowCreate
   * @returns {{ error: number, logs: PartitionLog[] }}
   */
  topic(name, allowCreate) {
    const logs = this.topics.get(name);
    if (logs) return { error: ErrorCode.NONE, logs };
    if (!validTopicName(name)) return { error: ErrorCode.INVALID_TOPIC_EXCEPTION, logs: [] };
    if (!allowCreate || !this.autoCreateTopics)
      return { error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, logs: [] };
    this.createTopic(name, this.defaultPartitions);
    return { error: ErrorCode.NONE, logs: /** @type {PartitionLog[]} */ (this.topics.get(name)) };
  }

  /** @param {string} topic @param {number} partition */
  partition(topic, partition) {
    return this.topics.get(topic)?.[partition];
  }

  allocateProducerId() {
    const id = this.nextProducerId++;
    this.saveMeta();
    return id;
  }

  /** @param {string} file */
  loadOffsets(file) {
    let text = '';
    if (fs.existsSync(file)) text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    let torn = Boolean(lines.pop()); // a last line without its newline was torn by a crash
    for (const line of lines) {
      try {
        this.applyOffset(JSON.parse(line));
      } catch {
        torn = true;
        break;
      }
    }
    if (torn) this.log.warn(`${file}: ignored a torn/corrupt tail`);
    this.compactOffsets(file);
  }

  /** @param {{ g: string, t?: string, p?: number, o?: number, m?: string | null, del?: boolean }} rec */
  applyOffset(rec) {
    let m = this.offsets.get(rec.g);
    if (rec.t === undefined) {
      if (rec.del) this.offsets.delete(rec.g);
      return;
    }
    const key = `${rec.t}\0${rec.p}`;
    if (rec.del) {
      m?.delete(key);
      return;
    }
    if (!m) this.offsets.set(rec.g, (m = new Map()));
    m.set(key, {
      topic: rec.t,
      partition: /** @type {number} */ (rec.p),
      offset: /** @type {number} */ (rec.o),
      metadata: rec.m ?? null,
    });
  }

  /** @param {string} file */
  compactOffsets(file) {
    const lines = [];
    for (const [g, m] of this.offsets)
      for (const o of m.values())
        lines.push(JSON.stringify({ g, t: o.topic, p: o.partition, o: o.offset, m: o.metadata }));
    if (this.offsetsFd >= 0) fs.closeSync(this.offsetsFd);
    this.atomicWrite(file, lines.map((l) => `${l}\n`).join(''));
    this.offsetsFd = fs.openSync(file, 'a');
    this.offsetLines = lines.length;
  }

  /** @param {object[]} recs */
  appendOffsets(recs) {
    if (!this.dataDir || !recs.length) return;
    const data = recs.map((r) => `${JSON.stringify(r)}\n`).join('');
    fs.writeSync(this.offsetsFd, data);
    if (this.fsync === 'always') fs.fsyncSync(this.offsetsFd);
    else this.offsetsDirty = true;
    this.offsetLines += recs.length;
    let live = 0;
    for (const m of this.offsets.values()) live += m.size;
    if (this.offsetLines > 10000 && this.offsetLines > 4 * live)
      this.compactOffsets(path.join(this.dataDir, 'offsets.log'));
  }

  /** @param {string} group @param {CommittedOffset[]} entries */
  commitOffsets(group, entries) {
    const recs = entries.map((e) => ({ g: group, t: e.topic, p: e.partition, o: e.offset, m: e.metadata }));
    for (const r of recs) this.applyOffset(r);
    this.appendOffsets(recs);
  }

  /** @param {string} group @returns {Map<string, CommittedOffset>} */
  groupOffsets(group) {
    return this.offsets.get(group) ?? new Map();
  }

  /** @param {string} group */
  deleteGroupOffsets(group) {
    if (!this.offsets.delete(group)) return;
    this.appendOffsets([{ g: group, del: true }]);
  }

  syncAll() {
    try {
      for (const logs of this.topics.values()) for (const l of logs) l.sync();
      if (this.offsetsDirty && this.offsetsFd >= 0) {
        fs.fsyncSync(this.offsetsFd);
        this.offsetsDirty = false;
      }
    } catch (e) {
      this.log.warn(`fsync failed: ${/** @type {Error} */ (e).message}`);
    }
  }

  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const logs of this.topics.values()) for (const l of logs) l.close();
    if (this.offsetsFd >= 0) {
      if (this.offsetsDirty && this.fsync !== 'never') fs.fsyncSync(this.offsetsFd);
      fs.closeSync(this.offsetsFd);
      this.offsetsFd = -1;
    }
    if (this.dataDir) {
      fs.rmSync(path.join(this.dataDir, '.lock'), { force: true });
      lockedInProcess.delete(this.dataDir);
    }
  }
}

module.exports = { DataStore, validTopicName };
