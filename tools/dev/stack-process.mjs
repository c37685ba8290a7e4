// Runs startStack() in a child process driven over IPC, for CommonJS callers (Jest suites) that
// cannot import the ESM launcher. Messages in: {id, op: 'restartService'|'restartKafka'|'stop', args}.
// Messages out: {ready: stackInfo} | {error} | {id, ok} | {id, error}.
import { startStack } from './stack.mjs';

const options = JSON.parse(process.env.FUPIN_STACK_OPTIONS ?? '{}');
const log = process.env.FUPIN_STACK_VERBOSE ? (line) => process.stderr.write(`  ${line}\n`) : undefined;
let stack;
try {
  stack = await startStack({ ...options, log });
  const { urls, databaseUrls, databaseUrlsWithPasswords, kafkaBrokers } = stack;
  process.send({ ready: { urls, databaseUrls, databaseUrlsWithPasswords, kafkaBrokers } });
} catch (error) {
  process.send({ error: error.message }, () => process.exit(1));
}

process.on('message', async ({ id, op, args = [] }) => {
  try {
    if (op === 'stop') {
      await stack.stop();
      process.send({ id, ok: true }, () => process.exit(0));
      return;
    }
    if (op !== 'restartService' && op !== 'restartKafka') throw new Error(`unknown operation ${op}`);
    await stack[op](...args);
    process.send({ id, ok: true });
  } catch (error) {
    process.send({ id, error: error.message });
  }
});
// The parent went away without stopping us: stop everything we started.
process.on('disconnect', () => void stack?.stop().finally(() => process.exit(0)));
