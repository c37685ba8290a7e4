import { Clock } from '../common/clock';
import { OBJECTION_LIMITS, ObjectionLimiter } from './objection-limiter';

describe('the public objection brake', () => {
  let now: number;
  let limiter: ObjectionLimiter;
  beforeEach(() => {
    now = Date.UTC(2026, 2, 1);
    const clock = new Clock();
    clock.now = () => new Date(now);
    limiter = new ObjectionLimiter(clock);
  });

  it('lets one address file a handful about one notice, then stops it there but not elsewhere', () => {
    for (let i = 0; i < OBJECTION_LIMITS.perNotice; i++) expect(limiter.take('10.0.0.1', 'n1')).toBe(true);
    expect(limiter.take('10.0.0.1', 'n1')).toBe(false);
    expect(limiter.take('10.0.0.1', 'n2')).toBe(true);
    expect(limiter.take('10.0.0.2', 'n1')).toBe(true);
  });

  it('caps one address across all notices, and forgets attempts older than the window', () => {
    for (let i = 0; i < OBJECTION_LIMITS.perAddress; i++)
      expect(limiter.take('10.0.0.3', `n${i}`)).toBe(true);
    expect(limiter.take('10.0.0.3', 'another')).toBe(false);
    now += OBJECTION_LIMITS.windowMs + 1;
    expect(limiter.take('10.0.0.3', 'another')).toBe(true);
  });

  it('does not count a refused attempt', () => {
    for (let i = 0; i < OBJECTION_LIMITS.perNotice; i++) limiter.take('10.0.0.4', 'n1');
    now += OBJECTION_LIMITS.windowMs / 2;
    for (let i = 0; i < 10; i++) expect(limiter.take('10.0.0.4', 'n1')).toBe(false);
    now += OBJECTION_LIMITS.windowMs / 2 + 1;
    expect(limiter.take('10.0.0.4', 'n1')).toBe(true);
  });
});
