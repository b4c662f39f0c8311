const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number written in Arabic digits or Chinese numerals up to 999:
 * `12` → 12, `三` → 3, `十二` → 12, `二十` → 20, `一百零五` → 105. `NaN` when it is neither.
 */
export function readChineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let pending = 0;
  for (const character of text) {
    if (character in digits) {
      pending = digits[character]!;
    } else if (character === '十' || character === '百') {
      total += (pending || 1) * (character === '十' ? 10 : 100);
      pending = 0;
    } else {
      return Number.NaN;
    }
  }
  return total + pending;
}
