// @ts-check
'use strict';

/** Cluster and topic administration: Metadata, CreateTopics, DeleteTopics, CreatePartitions. */

const { Writer } = require('../codec');
const { ErrorCode } = require('../errors');
const { validTopicName } = require('../storage');

/** @typedef {import('./index').ApiDef} ApiDef */

/** @type {Record<number, string>} */
const MESSAGES = {
  [ErrorCode.TOPIC_ALREADY_EXISTS]: 'Topic already exists.',
  [ErrorCode.INVALID_TOPIC_EXCEPTION]: 'Topic name is illegal: use 1-249 characters from [a-zA-Z0-9._-].',
  [ErrorCode.INVALID_PARTITIONS]: 'Number of partitions is invalid.',
  [ErrorCode.INVALID_REPLICATION_FACTOR]: 'Replication factor must be positive (or -1 for the default).',
  [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]: 'This server does not host this topic-partition.',
  [ErrorCode.INVALID_REQUEST]: 'Topic appears more than once in the request.',
};

/** @param {number} e */
const message = (e) => (e ? (MESSAGES[e] ?? null) : null);

/** @type {ApiDef} */
const Metadata = {
  name: 'Metadata',
  min: 0,
  max: 6,
  handle(r, v, ctx) {
    let requested = r.array((x) => x.str());
    if (v === 0 && requested?.length === 0) requested = null; // v0: an empty list means all topics
    const allowAutoCreate = v >= 4 ? r.bool() : true;
    const names = requested ? [...new Set(requested)] : [...ctx.storage.topics.keys()];
    const { nodeId, host, port, clusterId } = ctx.node;
    const w = new Writer();
    if (v >= 3) w.int32(0);
    w.array([0], (x) => {
      x.int32(nodeId).string(host).int32(port);
      if (v >= 1) x.string(null); // rack
    });
    if (v >= 2) w.string(clusterId);
    if (v >= 1) w.int32(nodeId); // controller
    w.array(names, (x, name) => {
      const { error, logs } = ctx.storage.topic(name, allowAutoCreate && requested !== null);
      x.int16(error).string(name);
      if (v >= 1) x.bool(false); // is_internal
      x.array(
        logs.map((_, i) => i),
        (y, p) => {
          y.int16(ErrorCode.NONE).int32(p).int32(nodeId);
          y.array([nodeId], (z, n) => z.int32(n)); // replicas
          y.array([nodeId], (z, n) => z.int32(n)); // isr
          if (v >= 5) y.array([], (z, n) => z.int32(n)); // offline replicas
        },
      );
    });
    return w;
  },
};

/** @type {ApiDef} */
const CreateTopics = {
  name: 'CreateTopics',
  min: 0,
  max: 3,
  handle(r, v, ctx) {
    const topics = r.arr((x) => ({
      name: x.str(),
      numPartitions: x.int32(),
      replicationFactor: x.int16(),
      assignments: x.arr((y) => ({ partition: y.int32(), brokers: y.arr((z) => z.int32()) })),
      configs: x.arr((y) => ({ name: y.str(), value: y.string() })),
    }));
    r.int32(); // timeout_ms
    const validateOnly = v >= 1 ? r.bool() : false;
    const counts = new Map();
    for (const t of topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const results = topics.map((t) => {
      const partitions =
        t.assignments.length > 0
          ? t.assignments.length
          : t.numPartitions === -1
            ? ctx.storage.defaultPartitions
            : t.numPartitions;
      let error = ErrorCode.NONE;
      if (counts.get(t.name) > 1) error = ErrorCode.INVALID_REQUEST;
      else if (!validTopicName(t.name)) error = ErrorCode.INVALID_TOPIC_EXCEPTION;
      else if (ctx.storage.topics.has(t.name)) error = ErrorCode.TOPIC_ALREADY_EXISTS;
      else if (t.replicationFactor === 0 || t.replicationFactor < -1)
        error = ErrorCode.INVALID_REPLICATION_FACTOR;
      else if (!(partitions >= 1 && partitions <= 10000)) error = ErrorCode.INVALID_PARTITIONS;
      else if (!validateOnly) error = ctx.storage.createTopic(t.name, partitions);
      return { name: t.name, error };
    });
    const w = new Writer();
    if (v >= 2) w.int32(0);
    w.array(results, (x, t) => {
      x.string(t.name).int16(t.error);
      if (v >= 1) x.string(message(t.error));
    });
    return w;
  },
};

/** @type {ApiDef} */
const DeleteTopics = {
  name: 'DeleteTopics',
  min: 0,
  max: 1,
  handle(r, v, ctx) {
    const names = r.arr((x) => x.str());
    r.int32(); // timeout_ms
    const w = new Writer();
    if (v >= 1) w.int32(0);
    w.array(names, (x, name) => x.string(name).int16(ctx.storage.deleteTopic(name)));
    return w;
  },
};

/** @type {ApiDef} */
const CreatePartitions = {
  name: 'CreatePartitions',
  min: 0,
  max: 1,
  handle(r, _v, ctx) {
    const topics = r.arr((x) => ({
      name: x.str(),
      count: x.int32(),
      assignments: x.array((y) => y.arr((z) => z.int32())),
    }));
    r.int32(); // timeout_ms
    const validateOnly = r.bool();
    const w = new Writer().int32(0);
    w.array(topics, (x, t) => {
      const logs = ctx.storage.topics.get(t.name);
      let error = ErrorCode.NONE;
      if (!logs) error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      else if (t.count <= logs.length || t.count > 10000) error = ErrorCode.INVALID_PARTITIONS;
      else if (!validateOnly) error = ctx.storage.addPartitions(t.name, t.count);
      x.string(t.name).int16(error).string(message(error));
    });
    return w;
  },
};

module.exports = { 3: Metadata, 19: CreateTopics, 20: DeleteTopics, 37: CreatePartitions };
