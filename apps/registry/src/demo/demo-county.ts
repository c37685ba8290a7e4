import type { OrganisationType, StaffRole } from '@fupin/contracts';

/**
 * The demo county, modelled on the seed articles: 方城县 (411322), 河南省南阳市, with two of its
 * towns. Village names and codes are plausible, not official.
 */
export const DEMO_COUNTY = { code: '411322', name: '方城县' };

export interface DemoVillage {
  code: string;
  name: string;
  slug: string;
}

export interface DemoTown {
  code: string;
  name: string;
  slug: string;
  villages: DemoVillage[];
}

export const DEMO_TOWNS: DemoTown[] = [
  {
    code: '411322104',
    name: '独树镇',
    slug: 'dushu',
    villages: [
      { code: '411322104201', name: '砚山铺村', slug: 'yanshanpu' },
      { code: '411322104202', name: '扳倒井村', slug: 'bandaojing' },
      { code: '411322104203', name: '后营村', slug: 'houying' },
    ],
  },
  {
    code: '411322105',
    name: '拐河镇',
    slug: 'guaihe',
    villages: [
      { code: '411322105201', name: '拐河村', slug: 'guaihecun' },
      { code: '411322105202', name: '七峰村', slug: 'qifeng' },
      { code: '411322105203', name: '孤石滩村', slug: 'gushitan' },
    ],
  },
];

export const GROUP_NAMES = ['第一村民小组', '第二村民小组', '第三村民小组', '第四村民小组'];

export const DEMO_VILLAGES = DEMO_TOWNS.flatMap((t) => t.villages.map((v) => ({ ...v, town: t })));

export interface DemoOrganisation {
  key: string;
  type: OrganisationType;
  name: string;
  regionCode: string;
  contactName?: string;
}

/** Organisations of every kind: one love supermarket, collection point and collective per village, a sorting station and PV station per town. */
export function demoOrganisations(): DemoOrganisation[] {
  const county = DEMO_COUNTY.code;
  return [
    {
      key: 'county-supermarket',
      type: 'county_supermarket',
      name: '方城县扶贫超市',
      regionCode: county,
      contactName: '赵红梅',
    },
    { key: 'wu-fupinban', type: 'work_unit', name: '方城县扶贫开发办公室', regionCode: county },
    { key: 'wu-czj', type: 'work_unit', name: '方城县财政局', regionCode: county },
    { key: 'wu-jyj', type: 'work_unit', name: '方城县教育局', regionCode: county },
    { key: 'wu-rmyy', type: 'work_unit', name: '方城县人民医院', regionCode: county },
    {
      key: 'coop-guangrong',
      type: 'cooperative',
      name: '方城县光荣种植专业合作社',
      regionCode: county,
      contactName: '陈光荣',
    },
    { key: 'ent-yufeng', type: 'enterprise', name: '方城县裕丰食品有限公司', regionCode: county },
    ...DEMO_TOWNS.flatMap((t): DemoOrganisation[] => [
      {
        key: `${t.slug}-sorting`,
        type: 'sorting_station',
        name: `${t.name}农产品分拣站`,
        regionCode: t.code,
      },
      { key: `${t.slug}-pv`, type: 'pv_station', name: `${t.name}光伏扶贫电站`, regionCode: t.code },
    ]),
    ...DEMO_VILLAGES.flatMap((v): DemoOrganisation[] => [
      { key: `${v.slug}-store`, type: 'love_supermarket', name: `${v.name}爱心超市`, regionCode: v.code },
      {
        key: `${v.slug}-collection`,
        type: 'collection_point',
        name: `${v.name}农产品收购点`,
        regionCode: v.code,
      },
      {
        key: `${v.slug}-collective`,
        type: 'village_collective',
        name: `${v.name}股份经济合作社`,
        regionCode: v.code,
      },
    ]),
  ];
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: StaffRole;
  /** A region code, or the key of a demo organisation. */
  scope: { kind: 'region'; code: string } | { kind: 'organisation'; key: string };
}

/** Staff of every role. */
export function demoUsers(): DemoUser[] {
  return [
    {
      username: 'fc-admin',
      displayName: '县扶贫办 刘志强',
      role: 'county_admin',
      scope: { kind: 'region', code: DEMO_COUNTY.code },
    },
    {
      username: 'fc-auditor',
      displayName: '县审计局 孙丽',
      role: 'auditor',
      scope: { kind: 'region', code: DEMO_COUNTY.code },
    },
    ...DEMO_TOWNS.map((t): DemoUser => ({
      username: `${t.slug}-admin`,
      displayName: `${t.name} 扶贫专干`,
      role: 'town_admin',
      scope: { kind: 'region', code: t.code },
    })),
    ...DEMO_VILLAGES.flatMap((v): DemoUser[] => [
      {
        username: `${v.slug}-admin`,
        displayName: `${v.name} 村两委`,
        role: 'village_admin',
        scope: { kind: 'region', code: v.code },
      },
      {
        username: `${v.slug}-store`,
        displayName: `${v.name}爱心超市 管理员`,
        role: 'store_keeper',
        scope: { kind: 'organisation', key: `${v.slug}-store` },
      },
      {
        username: `${v.slug}-collector`,
        displayName: `${v.name}收购点 收购员`,
        role: 'collector',
        scope: { kind: 'organisation', key: `${v.slug}-collection` },
      },
    ]),
    ...DEMO_TOWNS.map((t): DemoUser => ({
      username: `${t.slug}-sorting`,
      displayName: `${t.name}分拣站 站长`,
      role: 'collector',
      scope: { kind: 'organisation', key: `${t.slug}-sorting` },
    })),
    {
      username: 'fc-supermarket',
      displayName: '扶贫超市 店员',
      role: 'supermarket_staff',
      scope: { kind: 'organisation', key: 'county-supermarket' },
    },
    {
      username: 'buyer-czj',
      displayName: '财政局 张伟',
      role: 'buyer',
      scope: { kind: 'organisation', key: 'wu-czj' },
    },
    {
      username: 'buyer-jyj',
      displayName: '教育局 李娜',
      role: 'buyer',
      scope: { kind: 'organisation', key: 'wu-jyj' },
    },
    {
      username: 'guangrong-acct',
      displayName: '光荣合作社 会计',
      role: 'coop_accountant',
      scope: { kind: 'organisation', key: 'coop-guangrong' },
    },
    {
      username: 'yanshanpu-acct',
      displayName: '砚山铺村集体 会计',
      role: 'coop_accountant',
      scope: { kind: 'organisation', key: 'yanshanpu-collective' },
    },
  ];
}

/** Every demo account has this password; fine for a demo, which is why it is printed. */
export const DEMO_PASSWORD = 'Fupin@2020demo';
