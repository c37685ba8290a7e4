import { pointsToSpokenChinese } from '@fupin/money';

/** True where the browser can read aloud (Web Speech API). */
export function canSpeak(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

/** Points as the voice should say them: Chinese number words (一百二十) in Chinese, digits in English. */
export function spokenPoints(points: number, language: string): string {
  return language === 'en' ? String(points) : pointsToSpokenChinese(points);
}

/**
 * Reads a sentence aloud, slowly, in the screen's language (zh-CN voices read Chinese number words
 * the way villagers say them). Whatever was being read is cut off first.
 */
export function speak(text: string, language: string): void {
  if (!canSpeak()) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = language === 'en' ? 'en-US' : 'zh-CN';
  utterance.rate = 0.85;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
}
