import { useCallback, useEffect, useRef, useState } from 'react';

export interface IdleOptions {
  /** Only counts while true (someone is signed in). */
  active: boolean;
  /** Quiet time before the warning. */
  idleMs: number;
  /** How long the warning shows before `onTimeout`. */
  warnMs: number;
  /** Every touch or key while active (renews the session). */
  onActivity?: () => void;
  onTimeout: () => void;
}

export interface IdleState {
  warning: boolean;
  secondsLeft: number;
  /** The villager is still there: back to counting from zero. */
  stay(): void;
}

/**
 * The kiosk's idle guard: after `idleMs` without a touch it warns, and after `warnMs` more it
 * calls `onTimeout` (the flow signs the villager out), so nobody walks away signed in.
 */
export function useIdle({ active, idleMs, warnMs, onActivity, onTimeout }: IdleOptions): IdleState {
  const [warning, setWarning] = useState(false);
  const [secondsLeft, setSecondsLeft] = useState(Math.ceil(warnMs / 1000));
  const [round, setRound] = useState(0);
  const callbacks = useRef({ onActivity, onTimeout });
  callbacks.current = { onActivity, onTimeout };

  const stay = useCallback(() => {
    setWarning(false);
    setRound((r) => r + 1);
  }, []);

  useEffect(() => {
    if (!active) {
      setWarning(false);
      return;
    }
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    let ticker: ReturnType<typeof setInterval> | undefined;
    const clear = () => {
      timers.forEach(clearTimeout);
      timers.length = 0;
      if (ticker) clearInterval(ticker);
    };
    const arm = () => {
      clear();
      timers.push(
        setTimeout(() => {
          setWarning(true);
          const ends = Date.now() + warnMs;
          setSecondsLeft(Math.ceil(warnMs / 1000));
          ticker = setInterval(
            () => setSecondsLeft(Math.max(0, Math.ceil((ends - Date.now()) / 1000))),
            1000,
          );
          timers.push(
            setTimeout(() => {
              clear();
              setWarning(false);
              callbacks.current.onTimeout();
            }, warnMs),
          );
        }, idleMs),
      );
    };
    const activity = () => {
      setWarning(false);
      callbacks.current.onActivity?.();
      arm();
    };
    arm();
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    events.forEach((name) => document.addEventListener(name, activity, { passive: true }));
    return () => {
      clear();
      events.forEach((name) => document.removeEventListener(name, activity));
    };
  }, [active, idleMs, warnMs, round]);

  return { warning, secondsLeft, stay };
}
