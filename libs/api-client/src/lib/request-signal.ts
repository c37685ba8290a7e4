export interface RequestSignal {
  signal: AbortSignal;
  /** Which side stopped the request, read after fetch rejects. */
  reason(): 'timeout' | 'aborted' | null;
  dispose(): void;
}

/**
 * One signal that fires on the caller's abort or on the time limit, whichever is first.
 * Written by hand rather than with AbortSignal.any/timeout so older kiosk browsers work too.
 */
export function requestSignal(timeoutMs: number, callerSignal?: AbortSignal): RequestSignal {
  const controller = new AbortController();
  let stoppedBy: 'timeout' | 'aborted' | null = null;
  const onCallerAbort = () => {
    stoppedBy ??= 'aborted';
    controller.abort();
  };
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    stoppedBy ??= 'timeout';
    controller.abort();
  }, timeoutMs);
  return {
    signal: controller.signal,
    reason: () => stoppedBy,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
