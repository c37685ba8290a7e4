import type { CreateRuleSetBody } from '@fupin/contracts';

/**
 * The demo villages' points standard (积分标准), after the seed county's practice: a small monthly
 * base, bonuses for hygiene and home improvement (环境卫生, 七改一增), filial conduct (孝老爱亲),
 * public labour (公益劳动), school attendance and frugal weddings and funerals (红白事简办, 一约四会),
 * and deductions for breaking the village rules (红十条).
 */
export const DEMO_MONTHLY_BASE = 10;

export const DEMO_RULE_ITEMS: CreateRuleSetBody['items'] = [
  { code: 'XLAQ', name: '孝老爱亲', points: 10, maxPerMonth: 1, yearlyCap: 120 },
  { code: 'HJWS', name: '环境卫生达标（每周检查）', points: 5, maxPerMonth: 4, yearlyCap: null },
  { code: 'QGYZ', name: '七改一增完成', points: 20, maxPerMonth: 1, yearlyCap: 60 },
  { code: 'GYLD', name: '参加公益劳动（每次）', points: 5, maxPerMonth: 8, yearlyCap: 400 },
  { code: 'ZNSX', name: '子女按时上学', points: 5, maxPerMonth: 1, yearlyCap: 60 },
  { code: 'HBJB', name: '红白事简办（礼金不超过100元）', points: 20, maxPerMonth: 1, yearlyCap: null },
  { code: 'SXYJ', name: '善行义举上榜', points: 10, maxPerMonth: 2, yearlyCap: 120 },
  { code: 'LRLJ', name: '乱扔垃圾', points: -5, maxPerMonth: 4, yearlyCap: null },
  { code: 'LDLF', name: '房前屋后乱堆乱放', points: -5, maxPerMonth: 4, yearlyCap: null },
  { code: 'DCDB', name: '红白事大操大办', points: -30, maxPerMonth: 1, yearlyCap: null },
  { code: 'BSYL', name: '不赡养老人', points: -20, maxPerMonth: 1, yearlyCap: null },
];

export interface DemoGoods {
  name: string;
  unit: string;
  pricePoints: number;
  lowStockThreshold: number;
  /** Stock received when the goods are first listed; 0 leaves them out of stock. */
  quantity: number;
  /** A donor (百企帮百村, 爱心人士) gave them; otherwise the village bought them. */
  donor?: string;
  /** Declared value (donation) or cost (purchase) of one unit, in fen. */
  unitValueFen: number;
}

const YUFENG = '方城县裕丰食品有限公司';
const SHANHUI = '爱心人士 李善会';

/** Everyday goods at roughly one point a yuan; a few low in stock, one sold out. */
export const DEMO_GOODS: DemoGoods[] = [
  {
    name: '大米',
    unit: '袋（10斤）',
    pricePoints: 30,
    lowStockThreshold: 5,
    quantity: 40,
    donor: YUFENG,
    unitValueFen: 3000,
  },
  {
    name: '面粉',
    unit: '袋（10斤）',
    pricePoints: 25,
    lowStockThreshold: 5,
    quantity: 30,
    donor: YUFENG,
    unitValueFen: 2500,
  },
  {
    name: '食用油',
    unit: '桶（5升）',
    pricePoints: 60,
    lowStockThreshold: 3,
    quantity: 3,
    donor: YUFENG,
    unitValueFen: 6500,
  },
  {
    name: '挂面',
    unit: '包（1公斤）',
    pricePoints: 6,
    lowStockThreshold: 5,
    quantity: 50,
    unitValueFen: 600,
  },
  {
    name: '食盐',
    unit: '袋（400克）',
    pricePoints: 3,
    lowStockThreshold: 10,
    quantity: 80,
    unitValueFen: 250,
  },
  {
    name: '酱油',
    unit: '瓶（500毫升）',
    pricePoints: 6,
    lowStockThreshold: 5,
    quantity: 36,
    unitValueFen: 550,
  },
  {
    name: '陈醋',
    unit: '瓶（500毫升）',
    pricePoints: 5,
    lowStockThreshold: 5,
    quantity: 24,
    unitValueFen: 450,
  },
  {
    name: '洗衣粉',
    unit: '袋（1公斤）',
    pricePoints: 10,
    lowStockThreshold: 5,
    quantity: 30,
    donor: SHANHUI,
    unitValueFen: 1000,
  },
  {
    name: '毛巾',
    unit: '条',
    pricePoints: 8,
    lowStockThreshold: 5,
    quantity: 60,
    donor: SHANHUI,
    unitValueFen: 800,
  },
  { name: '香皂', unit: '块', pricePoints: 4, lowStockThreshold: 5, quantity: 4, unitValueFen: 350 },
  { name: '牙膏', unit: '支', pricePoints: 8, lowStockThreshold: 5, quantity: 25, unitValueFen: 750 },
  {
    name: '卫生纸',
    unit: '提（10卷）',
    pricePoints: 15,
    lowStockThreshold: 5,
    quantity: 20,
    unitValueFen: 1500,
  },
  {
    name: '洗洁精',
    unit: '瓶（1.5公斤）',
    pricePoints: 8,
    lowStockThreshold: 5,
    quantity: 18,
    unitValueFen: 800,
  },
  { name: '暖水瓶', unit: '个', pricePoints: 30, lowStockThreshold: 2, quantity: 0, unitValueFen: 3000 },
  {
    name: '电饭锅',
    unit: '台',
    pricePoints: 150,
    lowStockThreshold: 1,
    quantity: 2,
    donor: YUFENG,
    unitValueFen: 16000,
  },
];

export interface DemoAwardLine {
  itemCode: string;
  count: number;
  note?: string;
}

/** A small stable hash of a household number, so the same household gets the same lines every run. */
function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * A month's conduct for one household: varied across the village (some with deductions), while
 * the households of the sample cards always earn a full month with no deduction, so whoever tries
 * the kiosk with one has points to spend.
 */
export function demoAwardLines(householdNumber: string, sample: boolean): DemoAwardLine[] {
  if (sample) {
    return [
      { itemCode: 'XLAQ', count: 1 },
      { itemCode: 'HJWS', count: 4 },
      { itemCode: 'GYLD', count: 6, note: '修路、清理沟渠' },
      { itemCode: 'SXYJ', count: 1, note: '帮助孤寡老人收麦' },
    ];
  }
  const h = hash(householdNumber);
  const lines: DemoAwardLine[] = [{ itemCode: 'HJWS', count: 1 + (h % 4) }];
  if (h % 5 > 0) lines.push({ itemCode: 'GYLD', count: h % 5 });
  if (h % 3 !== 0) lines.push({ itemCode: 'XLAQ', count: 1 });
  if (h % 4 === 0) lines.push({ itemCode: 'ZNSX', count: 1 });
  if (h % 11 === 0) lines.push({ itemCode: 'SXYJ', count: 1 });
  if (h % 13 === 0) lines.push({ itemCode: 'HBJB', count: 1, note: '儿子婚事简办' });
  if (h % 17 === 0) lines.push({ itemCode: 'QGYZ', count: 1 });
  if (h % 7 === 3) lines.push({ itemCode: 'LRLJ', count: 1 });
  if (h % 9 === 5) lines.push({ itemCode: 'LDLF', count: 1 + (h % 2) });
  return lines;
}

/** Points the sample-card households earn for the demo month (monthly base included). */
export const SAMPLE_MONTH_POINTS = DEMO_MONTHLY_BASE + 10 + 4 * 5 + 6 * 5 + 10;
