import type {
  HouseholdDetail,
  HouseholdHistoryEntry,
  HouseholdSubClass,
  PovertyStatus,
  RegionView,
  SessionUser,
} from '@fupin/contracts';
import { SUB_CLASS_PARENT } from '@fupin/contracts';

/** A small county like the demo one: 2 towns, 3 villages, groups in one village. */
const REGION_ROWS: Array<[string, string]> = [
  ['411322', '方城县'],
  ['411322104', '独树镇'],
  ['411322105', '拐河镇'],
  ['411322104201', '砚山铺村'],
  ['411322104202', '扳倒井村'],
  ['411322105201', '拐河村'],
  ['411322104201001', '第一村民小组'],
  ['411322104201002', '第二村民小组'],
];

const LEVELS = { 6: 'county', 9: 'town', 12: 'village', 15: 'group' } as const;

export function regionView(code: string): RegionView | undefined {
  const row = REGION_ROWS.find(([c]) => c === code);
  if (!row) return undefined;
  const parentCode = code.length === 6 ? null : code.slice(0, code.length - 3);
  const path = REGION_ROWS.filter(([c]) => code.startsWith(c)).map(([, name]) => name);
  return {
    code,
    level: LEVELS[code.length as keyof typeof LEVELS],
    name: row[1],
    parentCode,
    path,
    childCount: REGION_ROWS.filter(([c]) => c.length === code.length + 3 && c.startsWith(code)).length,
  };
}

export function childRegions(parentCode: string): RegionView[] {
  return REGION_ROWS.filter(([c]) => c.length === parentCode.length + 3 && c.startsWith(parentCode)).map(
    ([c]) => regionView(c)!,
  );
}

export interface FakeUser extends SessionUser {
  password: string;
  active: boolean;
  failures: number;
  lockedUntil: string | null;
}

let userCount = 0;
const user = (
  username: string,
  displayName: string,
  role: SessionUser['role'],
  scope: SessionUser['scope'],
  scopeName: string,
  extra: Partial<FakeUser> = {},
): FakeUser => ({
  id: `cccccccc-0000-4000-8000-${String((userCount += 1)).padStart(12, '0')}`,
  username,
  displayName,
  role,
  scope,
  scopeName,
  mustChangePassword: false,
  password: 'Fupin@2020demo',
  active: true,
  failures: 0,
  lockedUntil: null,
  ...extra,
});

const STORE_ID = '11111111-1111-4111-8111-111111111111';

export function fakeUsers(): FakeUser[] {
  return [
    user('fc-admin', '县扶贫办 刘志强', 'county_admin', { kind: 'region', code: '411322' }, '方城县'),
    user('fc-auditor', '县审计局 孙丽', 'auditor', { kind: 'region', code: '411322' }, '方城县'),
    user(
      'dushu-admin',
      '独树镇 扶贫专干',
      'town_admin',
      { kind: 'region', code: '411322104' },
      '方城县 / 独树镇',
    ),
    user(
      'yanshanpu-admin',
      '砚山铺村 村两委',
      'village_admin',
      { kind: 'region', code: '411322104201' },
      '方城县 / 独树镇 / 砚山铺村',
    ),
    user(
      'yanshanpu-store',
      '砚山铺村爱心超市 管理员',
      'store_keeper',
      { kind: 'organisation', id: STORE_ID, orgType: 'love_supermarket', regionCode: '411322104201' },
      '砚山铺村爱心超市',
    ),
    user(
      'buyer-czj',
      '县财政局 采购人',
      'buyer',
      {
        kind: 'organisation',
        id: '22222222-2222-4222-8222-222222222222',
        orgType: 'work_unit',
        regionCode: '411322',
      },
      '方城县财政局',
    ),
    user(
      'new-clerk',
      '新来的 文书',
      'village_admin',
      { kind: 'region', code: '411322104202' },
      '方城县 / 独树镇 / 扳倒井村',
      {
        mustChangePassword: true,
      },
    ),
    user('retired', '已调走 老王', 'village_admin', { kind: 'region', code: '411322105201' }, '拐河村', {
      active: false,
    }),
    user(
      'villager',
      '农户 马东升',
      'household',
      {
        kind: 'household',
        householdId: '33333333-3333-4333-8333-333333333333',
        villageCode: '411322104201',
        storeId: STORE_ID,
        kioskId: '44444444-4444-4444-8444-444444444444',
      },
      '砚山铺村',
    ),
  ];
}

const SURNAMES = ['马', '杜', '崔', '钱', '苏', '龙', '唐', '梁', '尹', '雷', '贾'];
const GIVEN = ['东升', '斌', '富贵', '天佑', '金保', '国强', '建国', '海涛', '玉山'];
const STATUSES: PovertyStatus[] = ['lifted', 'not_lifted', 'monitored', 'edge'];
const SUB_CLASSES: HouseholdSubClass[] = ['assured', 'lacking', 'exit_ready', 'deep', 'destitute', 'dibao'];
const VILLAGES: Array<[string, string, string | null, string | null]> = [
  ['411322104201', '砚山铺村', '411322104201001', '第一村民小组'],
  ['411322104202', '扳倒井村', null, null],
  ['411322105201', '拐河村', null, null],
];

export interface FakeHousehold extends HouseholdDetail {
  history: HouseholdHistoryEntry[];
}

/** 45 households, 15 per village, statuses and classes cycling, the fifth card locked. */
export function fakeHouseholds(): FakeHousehold[] {
  return Array.from({ length: 45 }, (_, i) => {
    const [villageCode, villageName, groupCode, groupName] = VILLAGES[Math.floor(i / 15)]!;
    const n = (i % 15) + 1;
    const subClass = SUB_CLASSES[i % 6]!;
    const householdNumber = `${villageCode}${String(n).padStart(4, '0')}`;
    const headName = `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`;
    return {
      id: `aaaaaaaa-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      householdNumber,
      headName,
      countyCode: '411322',
      townCode: villageCode.slice(0, 9),
      villageCode,
      villageName,
      groupCode,
      groupName,
      memberCount: 2,
      povertyStatus: STATUSES[i % 4]!,
      labourClass: SUB_CLASS_PARENT[subClass],
      subClass,
      pointsCardNumber: `FC${householdNumber.slice(6)}`,
      cardLocked: i === 4,
      hasPin: true,
      version: 1,
      updatedAt: '2020-06-30T02:00:00.000Z',
      phone: '13986945123',
      bankName: '中国邮政储蓄银行',
      bankAccountMasked: '6230***********5879',
      members: [
        {
          id: `bbbbbbbb-0000-4000-8000-${String(i * 2 + 1).padStart(12, '0')}`,
          name: headName,
          relation: 'head',
          idNumberMasked: '411322********355X',
          birthYear: 1977,
          labourCapacity: 'full',
          disability: null,
        },
        {
          id: `bbbbbbbb-0000-4000-8000-${String(i * 2 + 2).padStart(12, '0')}`,
          name: '朱霞',
          relation: 'spouse',
          idNumberMasked: null,
          birthYear: 1979,
          labourCapacity: 'weak',
          disability: '肢体三级',
        },
      ],
      createdAt: '2020-06-30T02:00:00.000Z',
      history: [
        {
          id: i * 10 + 1,
          occurredAt: '2020-06-30T02:00:00.000Z',
          change: 'registered',
          actorId: 'system:demo-seed',
          actorRole: 'system',
          actorName: null,
          reason: null,
          changes: { povertyStatus: { from: null, to: STATUSES[i % 4] } },
        },
      ],
    };
  });
}
