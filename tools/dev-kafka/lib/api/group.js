// @ts-check
'use strict';

/**
 * Consumer-group APIs: FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup,
 * OffsetCommit, OffsetFetch, DescribeGroups, ListGroups, DeleteGroups.
 * The state machine itself lives in ../groups.js.
 */

const { Writer } = require('../codec');
const { ErrorCode } = require('../errors');
const { describeGroup, listGroups, deleteGroup } = require('../group-info');

/** @typedef {import('./index').ApiDef} ApiDef */

/** @param {number} v @param {number} since @returns {Writer} */
const withThrottle = (v, since) => (v >= since ? new Writer().int32(0) : new Writer());

/** @type {ApiDef} */
const FindCoordinator = {
  name: 'FindCoordinator',
  min: 0,
  max: 2,
  handle(r, v, ctx) {
    r.str(); // key: this single broker coordinates every group and transactional id
    if (v >= 1) r.int8(); // key_type
    const w = withThrottle(v, 1).int16(ErrorCode.NONE);
    if (v >= 1) w.string(null);
    return w.int32(ctx.node.nodeId).string(ctx.node.host).int32(ctx.node.port);
  },
};

/** @type {ApiDef} */
const JoinGroup = {
  name: 'JoinGroup',
  min: 0,
  max: 5,
  async handle(r, v, ctx) {
    const groupId = r.str();
    const sessionTimeout = r.int32();
    const rebalanceTimeout = v >= 1 ? r.int32() : sessionTimeout;
    const memberId = r.str();
    const groupInstanceId = v >= 5 ? r.string() : null;
    const protocolType = r.str();
    const protocols = r.arr((x) => ({ name: x.str(), metadata: Buffer.from(x.bytes() ?? Buffer.alloc(0)) }));
    const res = await ctx.groups.join({
      groupId,
      memberId,
      groupInstanceId,
      sessionTimeout,
      rebalanceTimeout,
      protocolType,
      protocols,
      clientId: ctx.clientId,
      clientHost: ctx.clientHost,
      requireKnownMemberId: v >= 4,
    });
    const w = withThrottle(v, 2).int16(res.error).int32(res.generationId);
    w.string(res.protocolName).string(res.leader).string(res.memberId);
    w.array(res.members, (x, m) => {
      x.string(m.memberId);
      if (v >= 5) x.string(m.groupInstanceId);
      x.bytes(m.metadata);
    });
    return w;
  },
};

/** @type {ApiDef} */
const SyncGroup = {
  name: 'SyncGroup',
  min: 0,
  max: 3,
  async handle(r, v, ctx) {
    const groupId = r.str();
    const generationId = r.int32();
    const memberId = r.str();
    if (v >= 3) r.string(); // group_instance_id
    const assignments = r.arr((x) => ({
      memberId: x.str(),
      assignment: Buffer.from(x.bytes() ?? Buffer.alloc(0)),
    }));
    const res = await ctx.groups.sync({ groupId, generationId, memberId, assignments });
    return withThrottle(v, 1).int16(res.error).bytes(res.assignment);
  },
};

/** @type {ApiDef} */
const Heartbeat = {
  name: 'Heartbeat',
  min: 0,
  max: 3,
  handle(r, v, ctx) {
    const groupId = r.str();
    const generationId = r.int32();
    const memberId = r.str();
    if (v >= 3) r.string(); // group_instance_id
    return withThrottle(v, 1).int16(ctx.groups.heartbeat(groupId, generationId, memberId));
  },
};

/** @type {ApiDef} */
const LeaveGroup = {
  name: 'LeaveGroup',
  min: 0,
  max: 3,
  handle(r, v, ctx) {
    const groupId = r.str();
    if (v < 3) {
      const [error] = ctx.groups.leave(groupId, [r.str()]);
      return withThrottle(v, 1).int16(error);
    }
    const members = r.arr((x) => ({ memberId: x.str(), groupInstanceId: x.string() }));
    const errors = ctx.groups.leave(
      groupId,
      members.map((m) => m.memberId),
    );
    const results = members.map((m, i) => ({ ...m, error: errors[i] }));
    const w = new Writer().int32(0).int16(ErrorCode.NONE);
    return w.array(results, (x, m) => x.string(m.memberId).string(m.groupInstanceId).int16(m.error));
  },
};

/** @type {ApiDef} */
const OffsetCommit = {
  name: 'OffsetCommit',
  min: 0,
  max: 5,
  handle(r, v, ctx) {
    const groupId = r.str();
    const generationId = v >= 1 ? r.int32() : -1;
    const memberId = v >= 1 ? r.str() : '';
    if (v >= 2 && v <= 4) r.int64(); // retention_time_ms
    const topics = r.arr((x) => ({
      name: x.str(),
      partitions: x.arr((y) => {
        const partition = y.int32();
        const offset = y.int64();
        if (v === 1) y.int64(); // commit_timestamp
        return { partition, offset, metadata: y.string() };
      }),
    }));
    const groupError = ctx.groups.canCommit(groupId, generationId, memberId);
    /** @type {import('../storage').CommittedOffset[]} */
    const accepted = [];
    const results = topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        let error = groupError;
        if (!error && !ctx.storage.partition(t.name, p.partition))
          error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        if (!error)
          accepted.push({ topic: t.name, partition: p.partition, offset: p.offset, metadata: p.metadata });
        return { partition: p.partition, error };
      }),
    }));
    if (accepted.length) ctx.storage.commitOffsets(groupId, accepted);
    const w = withThrottle(v, 3);
    w.array(results, (x, t) => {
      x.string(t.name);
      x.array(t.partitions, (y, p) => y.int32(p.partition).int16(p.error));
    });
    return w;
  },
};

/** @type {ApiDef} */
const OffsetFetch = {
  name: 'OffsetFetch',
  min: 0,
  max: 4,
  handle(r, v, ctx) {
    const groupId = r.str();
    /** @param {import('../codec').Reader} x */
    const topic = (x) => ({ name: x.str(), partitions: x.arr((y) => y.int32()) });
    const requested = v >= 2 ? r.array(topic) : r.arr(topic);
    const committed = ctx.storage.groupOffsets(groupId);
    /** @type {{ name: string, partitions: number[] }[]} */
    let topics = requested ?? [];
    if (!requested) {
      /** @type {Map<string, number[]>} */
      const byTopic = new Map();
      for (const o of committed.values())
        byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o.partition]);
      topics = [...byTopic].map(([name, partitions]) => ({ name, partitions }));
    }
    const w = withThrottle(v, 3);
    w.array(topics, (x, t) => {
      x.string(t.name);
      x.array(t.partitions, (y, p) => {
        const c = committed.get(`${t.name}\0${p}`);
        y.int32(p)
          .int64(c ? c.offset : -1)
          .string(c ? (c.metadata ?? '') : '')
          .int16(ErrorCode.NONE);
      });
    });
    if (v >= 2) w.int16(groupId ? ErrorCode.NONE : ErrorCode.INVALID_GROUP_ID);
    return w;
  },
};

/** @type {ApiDef} */
const DescribeGroups = {
  name: 'DescribeGroups',
  min: 0,
  max: 2,
  handle(r, v, ctx) {
    const ids = r.arr((x) => x.str());
    const w = withThrottle(v, 1);
    w.array(ids, (x, id) => {
      const g = describeGroup(ctx.groups, id);
      x.int16(ErrorCode.NONE).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocol);
      x.array(g.members, (y, m) => {
        y.string(m.memberId).string(m.clientId).string(m.clientHost).bytes(m.metadata).bytes(m.assignment);
      });
    });
    return w;
  },
};

/** @type {ApiDef} */
const ListGroups = {
  name: 'ListGroups',
  min: 0,
  max: 2,
  handle(_r, v, ctx) {
    const w = withThrottle(v, 1).int16(ErrorCode.NONE);
    return w.array(listGroups(ctx.groups), (x, g) => x.string(g.groupId).string(g.protocolType));
  },
};

/** @type {ApiDef} */
const DeleteGroups = {
  name: 'DeleteGroups',
  min: 0,
  max: 1,
  handle(r, _v, ctx) {
    const ids = r.arr((x) => x.str());
    return new Writer().int32(0).array(ids, (x, id) => x.string(id).int16(deleteGroup(ctx.groups, id)));
  },
};

module.exports = {
  8: OffsetCommit,
  9: OffsetFetch,
  10: FindCoordinator,
  11: JoinGroup,
  12: Heartbeat,
  13: LeaveGroup,
  14: SyncGroup,
  15: DescribeGroups,
  16: ListGroups,
  42: DeleteGroups,
};
