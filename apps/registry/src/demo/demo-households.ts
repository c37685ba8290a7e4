import {
  residentIdCheckDigit,
  SUB_CLASS_PARENT,
  type HouseholdSubClass,
  type LabourCapacity,
  type MemberRelation,
  type PovertyStatus,
  type RegisterHouseholdBody,
} from '@fupin/contracts';
import { DEMO_VILLAGES, GROUP_NAMES } from './demo-county';

/** mulberry32: a small seeded generator, so every run draws the same county. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶贺顾毛郝龚邵万钱严武戴孔向汤';
const MALE = [
  '建国',
  '国强',
  '志强',
  '卫东',
  '红军',
  '永福',
  '德胜',
  '长春',
  '海涛',
  '新民',
  '成才',
  '金保',
  '玉山',
  '春生',
  '明亮',
  '文斌',
  '军',
  '伟',
  '勇',
  '刚',
  '磊',
  '涛',
  '斌',
  '平',
  '强',
  '东升',
  '宝山',
  '富贵',
  '天佑',
  '家旺',
];
const FEMALE = [
  '秀英',
  '桂兰',
  '玉兰',
  '秀兰',
  '凤英',
  '桂芳',
  '丽',
  '娟',
  '芳',
  '红梅',
  '玉梅',
  '春花',
  '金凤',
  '翠英',
  '小燕',
  '丽娜',
  '静',
  '敏',
  '霞',
  '艳',
];
const CHILD_M = ['浩然', '子轩', '宇航', '俊杰', '一鸣', '嘉豪', '明轩', '博文', '梓涵', '天宇'];
const CHILD_F = ['欣怡', '梓萱', '雨涵', '诗琪', '可馨', '佳怡', '思雨', '晓雪', '梦瑶', '雅静'];
const DISABILITIES = ['肢体二级', '肢体三级', '视力三级', '听力四级', '智力四级'];
const BANKS = ['河南省农村信用社', '中国邮政储蓄银行'];

/** A demo household with the PIN its points card gets. */
export interface DemoHousehold {
  body: RegisterHouseholdBody;
  pin: string;
  villageName: string;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function weighted<T>(r: () => number, table: ReadonlyArray<[T, number]>): T {
  let x = r() * table.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of table) if ((x -= weight) < 0) return value;
  return table[table.length - 1][0];
}

const SUB_CLASSES: ReadonlyArray<[HouseholdSubClass, number]> = [
  ['assured', 35],
  ['lacking', 20],
  ['exit_ready', 15],
  ['deep', 10],
  ['destitute', 8],
  ['dibao', 12],
];
const STATUSES: ReadonlyArray<[PovertyStatus, number]> = [
  ['lifted', 72],
  ['monitored', 12],
  ['edge', 8],
  ['not_lifted', 8],
];

/**
 * 300 households (50 per village) with members, ID numbers (valid check digits), classes,
 * statuses, bank accounts, points cards and PINs: the same every run.
 */
export function demoHouseholds(perVillage = 50): DemoHousehold[] {
  const r = random(411322);
  const usedIds = new Set<string>();
  const idNumber = (year: number, male: boolean) => {
    for (;;) {
      const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
      const seq = Math.floor(r() * 500) * 2 + (male ? 1 : 0);
      const first17 = `411322${year}${month}${day}${String(seq).padStart(3, '0')}`;
      const id = first17 + residentIdCheckDigit(first17);
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const households: DemoHousehold[] = [];
  for (const village of DEMO_VILLAGES) {
    for (let n = 1; n <= perVillage; n++) {
      const subClass = weighted(r, SUB_CLASSES);
      const labourClass = SUB_CLASS_PARENT[subClass];
      const surname = pick(r, [...SURNAMES]);
      const headMale = r() < 0.85;
      const headAge =
        labourClass === 'none'
          ? 62 + Math.floor(r() * 25)
          : labourClass === 'weak'
            ? 50 + Math.floor(r() * 25)
            : 32 + Math.floor(r() * 28);
      const headLabour: LabourCapacity =
        labourClass === 'able' ? 'full' : labourClass === 'weak' ? 'weak' : 'none';
      const members: RegisterHouseholdBody['members'] = [];
      const add = (
        name: string,
        relation: MemberRelation,
        age: number,
        male: boolean,
        labour: LabourCapacity,
      ) => {
        const year = 2020 - age;
        const disabled = labour !== 'full' && r() < 0.15;
        members.push({
          name,
          relation,
          idNumber: age >= 16 || r() < 0.7 ? idNumber(year, male) : undefined,
          birthYear: year,
          labourCapacity: labour,
          disability: disabled ? pick(r, DISABILITIES) : null,
        });
      };
      add(surname + pick(r, headMale ? MALE : FEMALE), 'head', headAge, headMale, headLabour);
      if (labourClass !== 'none' || r() < 0.4) {
        const spouseLabour: LabourCapacity =
          labourClass === 'able' ? (r() < 0.8 ? 'full' : 'weak') : labourClass === 'weak' ? 'weak' : 'none';
        add(
          pick(r, [...SURNAMES]) + pick(r, headMale ? FEMALE : MALE),
          'spouse',
          headAge - 2 + Math.floor(r() * 5),
          !headMale,
          spouseLabour,
        );
      }
      const children = labourClass === 'none' ? 0 : Math.floor(r() * 3.2);
      for (let c = 0; c < children; c++) {
        const male = r() < 0.5;
        const age = Math.max(1, headAge - 22 - Math.floor(r() * 12));
        add(surname + pick(r, male ? CHILD_M : CHILD_F), 'child', age, male, age >= 18 ? 'full' : 'none');
      }
      if (labourClass === 'able' && headAge < 50 && r() < 0.3) {
        add(surname + pick(r, MALE), 'parent', headAge + 25 + Math.floor(r() * 5), true, 'none');
      }
      const seq = String(n).padStart(4, '0');
      households.push({
        villageName: village.name,
        pin: String(100000 + Math.floor(r() * 900000)),
        body: {
          householdNumber: `${village.code}${seq}`,
          villageCode: village.code,
          groupCode: `${village.code}${String(1 + Math.floor(r() * GROUP_NAMES.length)).padStart(3, '0')}`,
          phone:
            r() < 0.8
              ? `1${pick(r, ['37', '38', '39', '52', '58', '83'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`
              : null,
          bankAccount:
            r() < 0.9
              ? {
                  bankName: pick(r, BANKS),
                  accountNumber: `623052${String(Math.floor(r() * 1e13)).padStart(13, '0')}`,
                }
              : null,
          pointsCardNumber: `FC${village.code.slice(6)}${seq}`,
          povertyStatus: weighted(r, STATUSES),
          subClass,
          members,
        },
      });
    }
  }
  return households;
}
