import type { AppResources } from '@fupin/ui';

export const REGIONS_STRINGS: AppResources = {
  'zh-CN': {
    regions: {
      title: '行政区划',
      description: '县、乡镇、行政村、村民小组。点 ▸ 展开下级。',
      expand: '展开 {{name}}',
      collapse: '收起 {{name}}',
      childCount: '下级 {{count}} 个',
      householdCount: '农户 {{count}} 户',
      addChild: '添加下级',
      rename: '改名',
      renameTitle: '给“{{name}}”改名',
      newName: '新名称',
      child: {
        title: '在{{parent}}下添加{{level}}',
        suffix: '代码后三位',
        suffixHint: '完整代码 = {{prefix}} + 这三位数字',
        suffixInvalid: '请填三位数字，例如 204',
        name: '{{level}}名称',
        nameMissing: '请填写名称',
        submit: '添加',
      },
    },
    regionPicker: {
      within: '范围：{{name}}',
      any: '全部{{level}}',
      choose: '请选择{{level}}',
    },
  },
  en: {
    regions: {
      title: 'Regions',
      description: 'County, towns, villages and villager groups. Press ▸ to open a region.',
      expand: 'Open {{name}}',
      collapse: 'Close {{name}}',
      childCount: '{{count}} below',
      householdCount: '{{count}} households',
      addChild: 'Add below',
      rename: 'Rename',
      renameTitle: 'Rename “{{name}}”',
      newName: 'New name',
      child: {
        title: 'Add a {{level}} under {{parent}}',
        suffix: 'Last three digits of the code',
        suffixHint: 'Full code = {{prefix}} + these three digits',
        suffixInvalid: 'Three digits, e.g. 204',
        name: '{{level}} name',
        nameMissing: 'Enter a name',
        submit: 'Add',
      },
    },
    regionPicker: {
      within: 'Within: {{name}}',
      any: 'Any {{level}}',
      choose: 'Choose a {{level}}',
    },
  },
};
