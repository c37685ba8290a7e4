import { execFileSync } from 'node:child_process';

/**
 * Whether a Docker engine answers, decided synchronously so suites can choose between
 * `describe` and `describe.skip` when they are defined. Returns the reason when it does not.
 */
export function dockerUnavailableReason(): string | undefined {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 10_000 });
    return undefined;
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer };
    if (e.code === 'ENOENT') return 'the docker client is not installed';
    const said = e.stderr?.toString().trim().split('\n').pop();
    return `no Docker engine answers${said ? ` (${said})` : ''}`;
  }
}

/** `describe`, or `describe.skip` with the reason printed, for suites that need Docker (testcontainers). */
export function describeWithDocker(name: string, body: () => void): void {
  const reason = dockerUnavailableReason();
  if (reason) {
    // Straight to stderr: Jest drops console output of files whose tests are all skipped.
    process.stderr.write(`skipping "${name}": ${reason}\n`);
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}
