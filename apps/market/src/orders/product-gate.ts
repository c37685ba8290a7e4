/**
 * An in-process queue in front of hot products. At most `concurrency` checkouts of one product run
 * their reservation at once in this process; the others wait here, in memory, holding no pooled
 * connection and no row lock. When a waiting checkout's turn comes, the ones before it have
 * committed, so its lock-free sold-out read is current: once the last box is gone, everyone still
 * queued is answered with one read instead of a whole transaction that was bound to fail.
 *
 * It is only a traffic shaper. The conditional UPDATE in the reservation stays the guard against
 * overselling (other replicas have their own gates).
 */
export class ProductGate {
  private readonly gates = new Map<string, { active: number; waiting: Array<() => void> }>();

  constructor(
    private readonly concurrency: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Runs `task` holding a place for every product of `productIds` (taken in sorted order: no deadlock). */
  async run<T>(productIds: readonly string[], task: () => Promise<T>): Promise<T> {
    const keys = [...new Set(productIds)].sort();
    const held: string[] = [];
    const deadline = Date.now() + this.maxWaitMs;
    try {
      for (const key of keys) {
        await this.enter(key, deadline);
        held.push(key);
      }
      return await task();
    } finally {
      for (const key of held.reverse()) this.leave(key);
    }
  }

  /** Checkouts running or waiting for a product (for tests and metrics). */
  load(productId: string): { active: number; waiting: number } {
    const gate = this.gates.get(productId);
    return { active: gate?.active ?? 0, waiting: gate?.waiting.length ?? 0 };
  }

  private enter(key: string, deadline: number): Promise<void> {
    let gate = this.gates.get(key);
    if (!gate) {
      gate = { active: 0, waiting: [] };
      this.gates.set(key, gate);
    }
    if (gate.active < this.concurrency) {
      gate.active++;
      return Promise.resolve();
    }
    const g = gate;
    return new Promise<void>((resolve, reject) => {
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          const at = g.waiting.indexOf(admit);
          if (at >= 0) g.waiting.splice(at, 1);
          reject(new ProductGateTimeoutError(key));
        },
        Math.max(0, deadline - Date.now()),
      );
      g.waiting.push(admit);
    });
  }

  private leave(key: string): void {
    const gate = this.gates.get(key);
    if (!gate) return;
    const next = gate.waiting.shift();
    if (next) {
      next(); // the place passes straight to the next in line; `active` is unchanged
      return;
    }
    gate.active--;
    if (gate.active === 0) this.gates.delete(key);
  }
}

/** A checkout waited longer than allowed for its turn on a hot product. */
export class ProductGateTimeoutError extends Error {
  constructor(readonly productId: string) {
    super(`checkout of product ${productId} waited too long for its turn`);
    this.name = 'ProductGateTimeoutError';
  }
}
