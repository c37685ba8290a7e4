import {
  apiErrorSchema,
  healthResponseSchema,
  isRole,
  ROLE_LABELS,
  roleSchema,
  ROLES,
  SERVICE_DEFAULT_PORTS,
  serviceApiPrefix,
  SERVICES,
  TOPIC_NAMES,
  TOPICS,
} from './index';

describe('shared constants', () => {
  it('name every topic <service>.<family>.v<N>, each once', () => {
    for (const name of TOPIC_NAMES)
      expect(name).toMatch(/^(registry|ledger|market|dividends|platform)\.[a-z]+\.v\d+$/);
    expect(new Set(TOPIC_NAMES).size).toBe(Object.keys(TOPICS).length);
  });

  it('label every role in Chinese and English', () => {
    expect(ROLES).toHaveLength(11);
    for (const role of ROLES) {
      expect(ROLE_LABELS[role]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(ROLE_LABELS[role].en).not.toBe('');
    }
    expect(isRole('auditor')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(roleSchema.safeParse('household').success).toBe(true);
  });

  it('give each service a distinct default port and an /api prefix', () => {
    expect(SERVICES.map((s) => SERVICE_DEFAULT_PORTS[s])).toEqual([3001, 3002, 3003, 3004]);
    expect(serviceApiPrefix('dividends')).toBe('/api/dividends');
  });
});

describe('HTTP shapes', () => {
  it('read an API error with and without details', () => {
    expect(
      apiErrorSchema.parse({ code: 'INSUFFICIENT_POINTS', message: '积分不足 / Not enough points' }),
    ).toEqual({
      code: 'INSUFFICIENT_POINTS',
      message: '积分不足 / Not enough points',
    });
    expect(apiErrorSchema.safeParse({ message: 'no code' }).success).toBe(false);
  });

  it('read a terminus health body, keeping indicator details', () => {
    const body = {
      status: 'error',
      info: { database: { status: 'up' } },
      error: { kafka: { status: 'down', message: 'connect ECONNREFUSED' } },
      details: { database: { status: 'up' }, kafka: { status: 'down', message: 'connect ECONNREFUSED' } },
    };
    expect(healthResponseSchema.parse(body)).toEqual(body);
    expect(healthResponseSchema.safeParse({ status: 'fine', details: {} }).success).toBe(false);
  });
});
