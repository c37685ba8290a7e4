// @ts-check
'use strict';

/**
 * Consumer group coordinator, following Kafka's GroupCoordinator state machine:
 *
 *   Empty --join--> PreparingRebalance --all joined / rebalance timeout--> CompletingRebalance
 *   CompletingRebalance --leader SyncGroup--> Stable --join / leave / session expiry--> PreparingRebalance
 *
 * Members that do not rejoin before the rebalance timeout, or that do not heartbeat within
 * their session timeout, are removed. Committed offsets live in the DataStore (durable).
 */

const { randomUUID } = require('node:crypto');
const { ErrorCode } = require('./errors');

const EMPTY = Buffer.alloc(0);

/**
 * @typedef {import('./group-info').Protocol} Protocol
 * @typedef {import('./group-info').JoinResult} JoinResult
 * @typedef {import('./group-info').SyncResult} SyncResult
 * @typedef {import('./group-info').JoinRequest} JoinRequest
 * @typedef {import('./group-info').Member} Member
 * @typedef {import('./group-info').Group} Group
 */

/** @param {number} error @param {string} [memberId] @returns {JoinResult} */
const joinError = (error, memberId = '') => ({
  error,
  generationId: -1,
  protocolName: '',
  leader: '',
  memberId,
  members: [],
});

/** @param {Protocol[]} a @param {Protocol[]} b */
const sameProtocols = (a, b) =>
  a.length === b.length && a.every((p, i) => p.name === b[i].name && p.metadata.equals(b[i].metadata));

class GroupCoordinator {
  /**
   * @param {object} o
   * @param {import('./storage').DataStore} o.storage
   * @param {{ info: (m: string) => void, error: (m: string) => void }} o.log
   * @param {number} [o.minSessionTimeoutMs]
   * @param {number} [o.maxSessionTimeoutMs]
   * @param {number} [o.initialRebalanceDelayMs]
   */
  constructor({
    storage,
    log,
    minSessionTimeoutMs = 100,
    maxSessionTimeoutMs = 30 * 60 * 1000,
    initialRebalanceDelayMs = 0,
  }) {
    this.storage = storage;
    this.log = log;
    this.minSession = minSessionTimeoutMs;
    this.maxSession = maxSessionTimeoutMs;
    this.initialDelay = initialRebalanceDelayMs;
    /** @type {Map<string, Group>} */
    this.groups = new Map();
  }

  /** @param {string} id @returns {Group} */
  group(id) {
    let g = this.groups.get(id);
    if (!g) {
      g = {
        id,
        state: 'Empty',
        delayed: false,
        generation: 0,
        protocolType: null,
        protocol: null,
        leader: null,
        members: new Map(),
        pending: new Map(),
        rebalanceTimer: null,
      };
      this.groups.set(id, g);
    }
    return g;
  }

  /** @param {JoinRequest} req @returns {Promise<JoinResult>} */
  async join(req) {
    if (!req.groupId) return joinError(ErrorCode.INVALID_GROUP_ID, req.memberId);
    if (req.sessionTimeout < this.minSession || req.sessionTimeout > this.maxSession) {
      return joinError(ErrorCode.INVALID_SESSION_TIMEOUT, req.memberId);
    }
    const g = this.group(req.groupId);
    const others = [...g.members.values()].filter((m) => m.id !== req.memberId);
    const compatible =
      req.protocols.length > 0 &&
      req.protocolType !== '' &&
      (others.length === 0 ||
        (g.protocolType === req.protocolType &&
          req.protocols.some((p) => others.every((m) => m.protocols.some((q) => q.name === p.name)))));
    if (!compatible) return joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId);

    let memberId = req.memberId;
    if (!memberId) {
      memberId = `${req.clientId || 'member'}-${randomUUID()}`;
      if (req.requireKnownMemberId) {
        const id = memberId;
        const timer = this.later(() => {
          g.pending.delete(id);
          this.maybeCompleteJoin(g);
        }, req.sessionTimeout);
        g.pending.set(id, timer);
        return joinError(ErrorCode.MEMBER_ID_REQUIRED, id);
      }
    } else if (g.pending.has(memberId)) {
      clearTimeout(/** @type {NodeJS.Timeout} */ (g.pending.get(memberId)));
      g.pending.delete(memberId);
    } else if (!g.members.has(memberId)) {
      return joinError(ErrorCode.UNKNOWN_MEMBER_ID, memberId);
    }

    const existing = g.members.get(memberId);
    const { groupInstanceId, clientId, clientHost, sessionTimeout, rebalanceTimeout, protocols } = req;
    const fields = { groupInstanceId, clientId, clientHost, sessionTimeout, rebalanceTimeout, protocols };
    const changed = !!existing && !sameProtocols(existing.protocols, protocols);
    /** @type {Member} */
    const m = existing ?? {
      id: memberId,
      assignment: EMPTY,
      joinWaiter: null,
      syncWaiter: null,
      timer: null,
      ...fields,
    };
    Object.assign(m, fields);
    if (!existing) {
      g.members.set(memberId, m);
      g.protocolType = req.protocolType;
      return this.awaitJoin(g, m, `${memberId} joined`);
    }
    if (g.state === 'PreparingRebalance') return this.awaitJoin(g, m, null);
    if (!changed && (g.state === 'CompletingRebalance' || (g.state === 'Stable' && g.leader !== memberId))) {
      this.armSession(g, m);
      return this.joinResult(g, m);
    }
    return this.awaitJoin(g, m, `${memberId} rejoined`);
  }

  /**
   * @param {Group} g @param {Member} m @param {string | null} reason triggers a rebalance when set
   * @returns {Promise<JoinResult>}
   */
  awaitJoin(g, m, reason) {
    return new Promise((resolve) => {
      if (m.joinWaiter) m.joinWaiter(joinError(ErrorCode.REBALANCE_IN_PROGRESS, m.id));
      m.joinWaiter = resolve;
      this.clearSession(m);
      if (reason && g.state !== 'PreparingRebalance') this.prepareRebalance(g, reason);
      else this.maybeCompleteJoin(g);
    });
  }

  /** @param {Group} g @param {string} reason */
  prepareRebalance(g, reason) {
    if (g.state === 'CompletingRebalance') {
      for (const m of g.members.values())
        this.answerSync(m, { error: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
    }
    const delayed = g.state === 'Empty' && this.initialDelay > 0;
    g.delayed = delayed;
    g.state = 'PreparingRebalance';
    this.log.info(`group ${g.id}: rebalancing (${reason})`);
    let timeout = this.initialDelay;
    if (!delayed) for (const m of g.members.values()) timeout = Math.max(timeout, m.rebalanceTimeout);
    if (g.rebalanceTimer) clearTimeout(g.rebalanceTimer);
    g.rebalanceTimer = this.later(() => this.completeJoin(g), timeout);
    if (!delayed) this.maybeCompleteJoin(g);
  }

  /** @param {Group} g */
  maybeCompleteJoin(g) {
    if (g.state !== 'PreparingRebalance' || g.delayed || g.pending.size > 0) return;
    for (const m of g.members.values()) if (!m.joinWaiter) return;
    this.completeJoin(g);
  }

  /** @param {Group} g */
  completeJoin(g) {
    if (g.state !== 'PreparingRebalance') return;
    if (g.rebalanceTimer) clearTimeout(g.rebalanceTimer);
    g.rebalanceTimer = null;
    g.delayed = false;
    for (const m of [...g.members.values()])
      if (!m.joinWaiter) this.removeMember(g, m, 'did not rejoin before the rebalance timeout', false);
    g.generation++;
    if (g.members.size === 0) {
      g.state = 'Empty';
      g.protocol = g.leader = null;
      this.log.info(`group ${g.id}: empty (generation ${g.generation})`);
      return;
    }
    g.protocol = this.selectProtocol(g);
    if (!g.leader || !g.members.has(g.leader))
      g.leader = /** @type {string} */ (g.members.keys().next().value);
    g.state = 'CompletingRebalance';
    this.log.info(
      `group ${g.id}: generation ${g.generation} with ${g.members.size} member(s), protocol ${g.protocol}`,
    );
    for (const m of g.members.values()) {
      const waiter = /** @type {(r: JoinResult) => void} */ (m.joinWaiter);
      m.joinWaiter = null;
      m.assignment = EMPTY;
      this.armSession(g, m);
      waiter(this.joinResult(g, m));
    }
  }

  /** @param {Group} g @returns {string} */
  selectProtocol(g) {
    const members = [...g.members.values()];
    const candidates = members[0].protocols
      .map((p) => p.name)
      .filter((n) => members.every((m) => m.protocols.some((p) => p.name === n)));
    /** @type {Map<string, number>} */
    const votes = new Map();
    for (const m of members) {
      const choice = m.protocols.find((p) => candidates.includes(p.name));
      if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
    }
    return [...votes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  }

  /** @param {Group} g @param {Member} m @returns {JoinResult} */
  joinResult(g, m) {
    const protocol = /** @type {string} */ (g.protocol);
    const members =
      m.id === g.leader
        ? [...g.members.values()].map((x) => ({
            memberId: x.id,
            groupInstanceId: x.groupInstanceId,
            metadata: x.protocols.find((p) => p.name === protocol)?.metadata ?? EMPTY,
          }))
        : [];
    return {
      error: ErrorCode.NONE,
      generationId: g.generation,
      protocolName: protocol,
      leader: /** @type {string} */ (g.leader),
      memberId: m.id,
      members,
    };
  }

  /** @param {Group} g @param {Member} m */
  armSession(g, m) {
    this.clearSession(m);
    m.timer = this.later(
      () => this.removeMember(g, m, `session timeout (${m.sessionTimeout} ms) expired`),
      m.sessionTimeout,
    );
  }

  /**
   * setTimeout whose callback can never crash the broker (errors are logged).
   * @param {() => void} fn @param {number} ms
   */
  later(fn, ms) {
    const t = setTimeout(() => {
      try {
        fn();
      } catch (e) {
        this.log.error(`group coordinator: ${/** @type {Error} */ (e).stack}`);
      }
    }, ms);
    t.unref();
    return t;
  }

  /** @param {Member} m */
  clearSession(m) {
    if (m.timer) clearTimeout(m.timer);
    m.timer = null;
  }

  /** @param {Member} m @param {SyncResult} r */
  answerSync(m, r) {
    const w = m.syncWaiter;
    m.syncWaiter = null;
    if (w) w(r);
  }

  /** @param {Group} g @param {Member} m @param {string} reason @param {boolean} [rebalance] */
  removeMember(g, m, reason, rebalance = true) {
    if (g.members.get(m.id) !== m) return;
    this.clearSession(m);
    g.members.delete(m.id);
    this.log.info(`group ${g.id}: removed member ${m.id}: ${reason}`);
    if (m.joinWaiter) m.joinWaiter(joinError(ErrorCode.UNKNOWN_MEMBER_ID, m.id));
    m.joinWaiter = null;
    this.answerSync(m, { error: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    if (!rebalance) return;
    if (g.state === 'Stable' || g.state === 'CompletingRebalance')
      this.prepareRebalance(g, `${m.id} ${reason}`);
    else this.maybeCompleteJoin(g);
  }

  /**
   * @param {string} groupId @param {number} generationId @param {string} memberId
   * @returns {{ g: Group, m: Member } | number} the member, or an error code
   */
  lookup(groupId, generationId, memberId) {
    const g = this.groups.get(groupId);
    const m = g?.members.get(memberId);
    if (!g || !m) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== g.generation) return ErrorCode.ILLEGAL_GENERATION;
    return { g, m };
  }

  /**
   * @param {{ groupId: string, generationId: number, memberId: string, assignments: { memberId: string, assignment: Buffer }[] }} req
   * @returns {Promise<SyncResult>}
   */
  async sync(req) {
    const found = this.lookup(req.groupId, req.generationId, req.memberId);
    if (typeof found === 'number') return { error: found, assignment: EMPTY };
    const { g, m } = found;
    if (g.state === 'PreparingRebalance')
      return { error: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY };
    this.armSession(g, m);
    if (g.state === 'Stable') return { error: ErrorCode.NONE, assignment: m.assignment };
    return new Promise((resolve) => {
      this.answerSync(m, { error: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
      m.syncWaiter = resolve;
      if (m.id !== g.leader) return;
      const byMember = new Map(req.assignments.map((a) => [a.memberId, a.assignment]));
      for (const x of g.members.values()) x.assignment = byMember.get(x.id) ?? EMPTY;
      g.state = 'Stable';
      this.log.info(`group ${g.id}: stable at generation ${g.generation}`);
      for (const x of g.members.values())
        this.answerSync(x, { error: ErrorCode.NONE, assignment: x.assignment });
    });
  }

  /** @param {string} groupId @param {number} generationId @param {string} memberId @returns {number} */
  heartbeat(groupId, generationId, memberId) {
    const found = this.lookup(groupId, generationId, memberId);
    if (typeof found === 'number') return found;
    const { g, m } = found;
    if (!m.joinWaiter) this.armSession(g, m);
    return g.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  /** @param {string} groupId @param {string[]} memberIds @returns {number[]} error per member */
  leave(groupId, memberIds) {
    const g = this.groups.get(groupId);
    return memberIds.map((id) => {
      const timer = g?.pending.get(id);
      if (g && timer) {
        clearTimeout(timer);
        g.pending.delete(id);
        this.maybeCompleteJoin(g);
        return ErrorCode.NONE;
      }
      const m = g?.members.get(id);
      if (!g || !m) return ErrorCode.UNKNOWN_MEMBER_ID;
      this.removeMember(g, m, 'left the group');
      return ErrorCode.NONE;
    });
  }

  /**
   * Validates an OffsetCommit against the group's membership (simple consumers commit
   * with generation -1 into an empty group).
   * @param {string} groupId @param {number} generationId @param {string} memberId @returns {number}
   */
  canCommit(groupId, generationId, memberId) {
    if (!groupId) return ErrorCode.INVALID_GROUP_ID;
    const g = this.groups.get(groupId);
    if (generationId < 0 && (!g || g.state === 'Empty')) return ErrorCode.NONE;
    if (g?.state === 'CompletingRebalance' && g.members.has(memberId)) return ErrorCode.REBALANCE_IN_PROGRESS;
    const found = this.lookup(groupId, generationId, memberId);
    if (typeof found === 'number') return found;
    if (!found.m.joinWaiter) this.armSession(found.g, found.m);
    return ErrorCode.NONE;
  }

  close() {
    for (const g of this.groups.values()) {
      if (g.rebalanceTimer) clearTimeout(g.rebalanceTimer);
      for (const t of g.pending.values()) clearTimeout(t);
      for (const m of g.members.values()) this.clearSession(m);
    }
    this.groups.clear();
  }
}

module.exports = { GroupCoordinator };
