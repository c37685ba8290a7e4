import { ProductGate, ProductGateTimeoutError } from './product-gate';

/** A task that runs until released, recording when it started. */
function controllable(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    task: async () => {
      log.push(name);
      await done;
      return name;
    },
    release: () => release(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the per-product checkout gate', () => {
  it('lets a fixed number of checkouts of one product run at once, the rest in arrival order', async () => {
    const gate = new ProductGate(2, 5_000);
    const started: string[] = [];
    const tasks = ['a', 'b', 'c', 'd'].map((n) => controllable(started, n));
    const results = tasks.map((t) => gate.run(['hot'], t.task));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(gate.load('hot')).toEqual({ active: 2, waiting: 2 });
    tasks[1].release();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    tasks[0].release();
    tasks[2].release();
    tasks[3].release();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect(gate.load('hot')).toEqual({ active: 0, waiting: 0 });
  });

  it('does not hold up other products, and frees the place when a checkout fails', async () => {
    const gate = new ProductGate(1, 5_000);
    const started: string[] = [];
    const slow = controllable(started, 'hot-1');
    const first = gate.run(['hot'], slow.task);
    await expect(gate.run(['cold'], async () => 'cold')).resolves.toBe('cold');
    const failing = gate.run(['hot'], async () => {
      throw new Error('sold out');
    });
    slow.release();
    await first;
    await expect(failing).rejects.toThrow('sold out');
    await expect(gate.run(['hot'], async () => 'next')).resolves.toBe('next');
    expect(gate.load('hot')).toEqual({ active: 0, waiting: 0 });
  });

  it('answers a checkout that waited too long with a timeout and keeps the queue moving', async () => {
    const gate = new ProductGate(1, 50);
    const started: string[] = [];
    const stuck = controllable(started, 'stuck');
    const running = gate.run(['hot'], stuck.task);
    await expect(gate.run(['hot'], async () => 'late')).rejects.toBeInstanceOf(ProductGateTimeoutError);
    expect(gate.load('hot')).toEqual({ active: 1, waiting: 0 });
    stuck.release();
    await running;
    await expect(gate.run(['hot'], async () => 'after')).resolves.toBe('after');
  });

  it('takes the places of a mixed cart in one order, so crossing carts never wait on each other forever', async () => {
    const gate = new ProductGate(1, 2_000);
    const order: string[] = [];
    const carts = Array.from({ length: 20 }, (_, i) =>
      gate.run(i % 2 ? ['b', 'a', 'a'] : ['a', 'b'], async () => {
        order.push(String(i));
        await tick();
        return i;
      }),
    );
    await expect(Promise.all(carts)).resolves.toHaveLength(20);
    expect(order).toHaveLength(20);
    expect(gate.load('a')).toEqual({ active: 0, waiting: 0 });
    expect(gate.load('b')).toEqual({ active: 0, waiting: 0 });
  });
});
