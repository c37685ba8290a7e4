// CommonJS handle on a platform started in a child process by stack-process.mjs (see there).
const { fork } = require('node:child_process');
const path = require('node:path');

/**
 * @param {object} options the options of startStack() (JSON-serialisable)
 * @returns {Promise<{ urls: Record<string,string>, databaseUrls: Record<string,string>,
 *   databaseUrlsWithPasswords: Record<string,string>, kafkaBrokers: string,
 *   restartService(name: string, signal?: string): Promise<void>, restartKafka(): Promise<void>, stop(): Promise<void> }>}
 */
function startStackProcess(options = {}) {
  const child = fork(path.join(__dirname, 'stack-process.mjs'), [], {
    env: { ...process.env, FUPIN_STACK_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map();
  child.on('message', (message) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error));
    else waiter.resolve();
  });
  const call = (op, args) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ id, op, args });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the stack process exited (${code}) before it was ready`)));
    child.once('message', (message) => {
      if (message.error) return reject(new Error(message.error));
      resolve({
        ...message.ready,
        restartService: (name, signal) => call('restartService', [name, signal]),
        restartKafka: () => call('restartKafka', []),
        stop: async () => {
          if (child.exitCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          await call('stop', []).catch(() => child.kill('SIGTERM'));
          await exited;
        },
      });
    });
  });
}

module.exports = { startStackProcess };
