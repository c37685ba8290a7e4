import type { CreateProductBody } from '@fupin/contracts';

/** One purchase from a household of the product's village: a lot with its weight. */
export interface DemoLot {
  weightGrams: number;
}

/**
 * A catalogue product of the demo county (方城县) and the produce behind it: what collectors paid
 * households per kilogram, the lots bought, and the net weight that goes into one box.
 */
export interface DemoProduct extends Omit<CreateProductBody, 'pictureUrl'> {
  produce: string;
  grade: 'premium' | 'first' | 'second' | 'ungraded';
  unitPriceFenPerKg: number;
  /** Net weight of produce in one box; boxes per lot = received grams / boxGrams, rounded down. */
  boxGrams: number;
  lots: DemoLot[];
}

/** Villages of the registry's demo county (apps/registry/src/demo/demo-county.ts). */
export const DEMO_VILLAGE_CODES = {
  yanshanpu: '411322104201', // 独树镇 砚山铺村
  bandaojing: '411322104202', // 独树镇 扳倒井村
  houying: '411322104203', // 独树镇 后营村
  guaihecun: '411322105201', // 拐河镇 拐河村
  qifeng: '411322105202', // 拐河镇 七峰村
  gushitan: '411322105203', // 拐河镇 孤石滩村
} as const;

const V = DEMO_VILLAGE_CODES;

/**
 * Produce of 方城县: wheat, sweet potato and peanuts from the plain around 独树镇; mushrooms, honey,
 * millet and wormwood (艾草, 南阳艾) from the 伏牛山 foothills around 拐河镇. Prices paid to
 * households are a little above the local market, as the programme intends.
 */
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    sku: 'FC-MF-5KG',
    name: '石磨小麦粉',
    spec: '5kg/袋',
    packageDescription: '牛皮纸袋，四统一标识',
    retailPriceFen: 4_500,
    category: '粮油',
    originVillageCode: V.yanshanpu,
    produce: '小麦粉',
    grade: 'first',
    unitPriceFenPerKg: 420,
    boxGrams: 5_000,
    lots: [{ weightGrams: 62_500 }, { weightGrams: 48_300 }, { weightGrams: 55_000 }],
  },
  {
    sku: 'FC-HSY-5L',
    name: '压榨花生油',
    spec: '5L/桶',
    packageDescription: '食品级塑料桶',
    retailPriceFen: 16_800,
    category: '粮油',
    originVillageCode: V.houying,
    produce: '花生油',
    grade: 'premium',
    unitPriceFenPerKg: 2_600,
    boxGrams: 4_600,
    lots: [{ weightGrams: 46_000 }, { weightGrams: 37_000 }],
  },
  {
    sku: 'FC-FT-2KG',
    name: '红薯粉条',
    spec: '2kg/箱',
    packageDescription: '纸箱礼盒',
    retailPriceFen: 6_800,
    category: '干货',
    originVillageCode: V.bandaojing,
    produce: '红薯粉条',
    grade: 'first',
    unitPriceFenPerKg: 1_600,
    boxGrams: 2_000,
    lots: [{ weightGrams: 30_400 }, { weightGrams: 24_000 }],
  },
  {
    sku: 'FC-XG-500',
    name: '伏牛山香菇（干）',
    spec: '500g/袋',
    packageDescription: '密封袋装',
    retailPriceFen: 5_800,
    category: '干货',
    originVillageCode: V.gushitan,
    produce: '香菇',
    grade: 'premium',
    unitPriceFenPerKg: 6_000,
    boxGrams: 500,
    lots: [{ weightGrams: 8_200 }, { weightGrams: 6_500 }],
  },
  {
    sku: 'FC-ME-250',
    name: '拐河黑木耳',
    spec: '250g/袋',
    packageDescription: '密封袋装',
    retailPriceFen: 3_600,
    category: '干货',
    originVillageCode: V.guaihecun,
    produce: '黑木耳',
    grade: 'first',
    unitPriceFenPerKg: 7_000,
    boxGrams: 250,
    lots: [{ weightGrams: 4_100 }, { weightGrams: 3_300 }],
  },
  {
    sku: 'FC-XM-2500',
    name: '高山小米',
    spec: '2.5kg/盒',
    packageDescription: '布袋礼盒',
    retailPriceFen: 4_980,
    category: '杂粮',
    originVillageCode: V.qifeng,
    produce: '小米',
    grade: 'first',
    unitPriceFenPerKg: 900,
    boxGrams: 2_500,
    lots: [{ weightGrams: 40_000 }, { weightGrams: 27_600 }],
  },
  {
    sku: 'FC-YMS-2500',
    name: '玉米糁',
    spec: '2.5kg/袋',
    packageDescription: '编织袋',
    retailPriceFen: 1_980,
    category: '杂粮',
    originVillageCode: V.gushitan,
    produce: '玉米糁',
    grade: 'second',
    unitPriceFenPerKg: 320,
    boxGrams: 2_500,
    lots: [{ weightGrams: 35_000 }],
  },
  {
    sku: 'FC-HSM-1KG',
    name: '五香花生米',
    spec: '1kg/袋',
    packageDescription: '真空袋装',
    retailPriceFen: 2_680,
    category: '杂粮',
    originVillageCode: V.houying,
    produce: '花生',
    grade: 'first',
    unitPriceFenPerKg: 1_000,
    boxGrams: 1_000,
    lots: [{ weightGrams: 18_000 }, { weightGrams: 12_500 }],
  },
  {
    sku: 'FC-JD-30',
    name: '散养土鸡蛋',
    spec: '30枚/箱',
    packageDescription: '防震蛋托纸箱',
    retailPriceFen: 4_500,
    category: '禽蛋',
    originVillageCode: V.guaihecun,
    produce: '土鸡蛋',
    grade: 'first',
    unitPriceFenPerKg: 1_400,
    boxGrams: 1_600,
    lots: [{ weightGrams: 16_800 }, { weightGrams: 12_900 }],
  },
  {
    sku: 'FC-FM-1KG',
    name: '伏牛山土蜂蜜',
    spec: '1kg/瓶',
    packageDescription: '玻璃瓶礼盒',
    retailPriceFen: 8_800,
    category: '蜂蜜',
    originVillageCode: V.qifeng,
    produce: '蜂蜜',
    grade: 'premium',
    unitPriceFenPerKg: 5_000,
    boxGrams: 1_000,
    lots: [{ weightGrams: 6_300 }],
  },
  {
    sku: 'FC-AT-20',
    name: '陈艾艾条',
    spec: '20支/盒',
    packageDescription: '纸盒',
    retailPriceFen: 3_900,
    category: '艾草制品',
    originVillageCode: V.yanshanpu,
    produce: '艾草',
    grade: 'first',
    unitPriceFenPerKg: 3_000,
    boxGrams: 400,
    lots: [{ weightGrams: 6_000 }, { weightGrams: 4_800 }],
  },
  {
    sku: 'FC-AZ-10',
    name: '艾草足浴包',
    spec: '10包/盒',
    packageDescription: '纸盒',
    retailPriceFen: 2_900,
    category: '艾草制品',
    originVillageCode: V.bandaojing,
    produce: '艾叶',
    grade: 'second',
    unitPriceFenPerKg: 1_200,
    boxGrams: 300,
    lots: [{ weightGrams: 5_400 }],
  },
  {
    sku: 'FC-HS-5KG',
    name: '沙地红薯',
    spec: '5kg/箱',
    packageDescription: '透气纸箱',
    retailPriceFen: 2_980,
    category: '时令蔬果',
    originVillageCode: V.bandaojing,
    produce: '红薯',
    grade: 'first',
    unitPriceFenPerKg: 200,
    boxGrams: 5_000,
    lots: [{ weightGrams: 75_000 }, { weightGrams: 52_000 }],
  },
];
