import { LANGUAGE_STORAGE_KEY, createI18n } from './create-i18n';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

const appStrings = {
  'zh-CN': { kiosk: { welcome: '请刷卡' }, common: { retry: '再试一次' } },
  en: { kiosk: { welcome: 'Tap your card' } },
};

describe('createI18n', () => {
  it('starts in Simplified Chinese and marks <html lang>', () => {
    const i18n = createI18n(appStrings, { storage: memoryStorage() });
    expect(i18n.language).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(i18n.t('kiosk.welcome')).toBe('请刷卡');
    expect(i18n.t('common.status.ok')).toBe('正常');
  });

  it('lets an app override a shared string and keeps the other shared strings', () => {
    const i18n = createI18n(appStrings, { storage: null });
    expect(i18n.t('common.retry')).toBe('再试一次');
    expect(i18n.t('common.loading')).toBe('正在加载…');
  });

  it('remembers the reader’s choice and follows it on the next start', async () => {
    const storage = memoryStorage();
    const first = createI18n(appStrings, { storage });
    await first.changeLanguage('en');
    expect(storage.values.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    const next = createI18n(appStrings, { storage });
    expect(next.language).toBe('en');
    expect(next.t('kiosk.welcome')).toBe('Tap your card');
    expect(next.t('common.status.ok')).toBe('OK');
  });

  it('ignores a stored value that is not an offered language', () => {
    const i18n = createI18n(appStrings, { storage: memoryStorage({ [LANGUAGE_STORAGE_KEY]: 'fr' }) });
    expect(i18n.language).toBe('zh-CN');
  });

  it('falls back to Chinese for a string the English resources lack', async () => {
    const i18n = createI18n({ 'zh-CN': { only: '只有中文' }, en: {} }, { storage: null, language: 'en' });
    expect(i18n.t('only')).toBe('只有中文');
  });

  it('still works when storage refuses to be read or written', async () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const i18n = createI18n(appStrings, { storage: broken });
    expect(i18n.language).toBe('zh-CN');
    await expect(i18n.changeLanguage('en')).resolves.toBeDefined();
    expect(i18n.language).toBe('en');
  });
});
