// @ts-check
'use strict';

/** The consumer-group data model, read-only views of it (DescribeGroups, ListGroups) and group deletion. */

const { ErrorCode } = require('./errors');

const EMPTY = Buffer.alloc(0);

/**
 * @typedef {{ name: string, metadata: Buffer }} Protocol
 * @typedef {{ memberId: string, groupInstanceId: string | null, metadata: Buffer }} JoinMember
 * @typedef {{ error: number, generationId: number, protocolName: string, leader: string, memberId: string, members: JoinMember[] }} JoinResult
 * @typedef {{ error: number, assignment: Buffer }} SyncResult
 * @typedef {'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable'} GroupState
 *
 * @typedef {object} JoinRequest
 * @property {string} groupId
 * @property {string} memberId
 * @property {string | null} groupInstanceId
 * @property {number} sessionTimeout
 * @property {number} rebalanceTimeout
 * @property {string} protocolType
 * @property {Protocol[]} protocols
 * @property {string} clientId
 * @property {string} clientHost
 * @property {boolean} requireKnownMemberId JoinGroup v4+: answer MEMBER_ID_REQUIRED first
 *
 * @typedef {object} Member
 * @property {string} id
 * @property {string | null} groupInstanceId
 * @property {string} clientId
 * @property {string} clientHost
 * @property {number} sessionTimeout
 * @property {number} rebalanceTimeout
 * @property {Protocol[]} protocols
 * @property {Buffer} assignment
 * @property {((r: JoinResult) => void) | null} joinWaiter
 * @property {((r: SyncResult) => void) | null} syncWaiter
 * @property {NodeJS.Timeout | null} timer session expiry
 *
 * @typedef {object} Group
 * @property {string} id
 * @property {GroupState} state
 * @property {boolean} delayed waiting out the initial rebalance delay of a new group
 * @property {number} generation
 * @property {string | null} protocolType
 * @property {string | null} protocol
 * @property {string | null} leader
 * @property {Map<string, Member>} members
 * @property {Map<string, NodeJS.Timeout>} pending member ids handed out with MEMBER_ID_REQUIRED
 * @property {NodeJS.Timeout | null} rebalanceTimer
 */

/**
 * @typedef {import('./groups').GroupCoordinator} GroupCoordinator
 * @typedef {{ memberId: string, groupInstanceId: string | null, clientId: string, clientHost: string, metadata: Buffer, assignment: Buffer }} MemberInfo
 * @typedef {{ groupId: string, state: string, protocolType: string, protocol: string, members: MemberInfo[] }} GroupInfo
 */

/**
 * Kafka reports unknown groups as "Dead" and groups with only committed offsets as "Empty".
 * @param {GroupCoordinator} gc @param {string} groupId @returns {GroupInfo}
 */
function describeGroup(gc, groupId) {
  const g = gc.groups.get(groupId);
  const hasOffsets = gc.storage.offsets.has(groupId);
  if (!g || (g.state === 'Empty' && !hasOffsets && g.generation === 0)) {
    return {
      groupId,
      state: hasOffsets ? 'Empty' : 'Dead',
      protocolType: hasOffsets ? 'consumer' : '',
      protocol: '',
      members: [],
    };
  }
  const active = g.state === 'Stable' || g.state === 'CompletingRebalance';
  const members = [...g.members.values()].map((m) => ({
    memberId: m.id,
    groupInstanceId: m.groupInstanceId,
    clientId: m.clientId,
    clientHost: m.clientHost,
    metadata: active ? (m.protocols.find((p) => p.name === g.protocol)?.metadata ?? EMPTY) : EMPTY,
    assignment: g.state === 'Stable' ? m.assignment : EMPTY,
  }));
  return {
    groupId,
    state: g.state,
    protocolType: g.protocolType ?? '',
    protocol: active ? (g.protocol ?? '') : '',
    members,
  };
}

/** @param {GroupCoordinator} gc @returns {{ groupId: string, protocolType: string }[]} */
function listGroups(gc) {
  const ids = new Set([...gc.groups.keys(), ...gc.storage.offsets.keys()]);
  return [...ids].map((groupId) => ({
    groupId,
    protocolType: gc.groups.get(groupId)?.protocolType ?? 'consumer',
  }));
}

/** @param {GroupCoordinator} gc @param {string} groupId @returns {number} error code */
function deleteGroup(gc, groupId) {
  const g = gc.groups.get(groupId);
  if (g && (g.members.size > 0 || g.pending.size > 0)) return ErrorCode.NON_EMPTY_GROUP;
  if (!g && !gc.storage.offsets.has(groupId)) return ErrorCode.GROUP_ID_NOT_FOUND;
  gc.groups.delete(groupId);
  gc.storage.deleteGroupOffsets(groupId);
  return ErrorCode.NONE;
}

module.exports = { describeGroup, listGroups, deleteGroup };
