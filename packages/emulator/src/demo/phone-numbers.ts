import { flat } from './flat-string.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * Phone numbers as people type them into a portal: the same kind of number in several
 * spellings, because Bitrix24 stores what was typed.
 */
const MOBILE_CODES = ['910', '915', '920', '930', '953', '962', '980', '999', '900', '903'];

export function randomMobilePhone(random: SeededRandom): string {
  const code = random.pick(MOBILE_CODES);
  const [a, b, c] = [random.digits(3), random.digits(2), random.digits(2)];

  const phone = random.weighted<string>([
    [`+7${code}${a}${b}${c}`, 5],
    [`8${code}${a}${b}${c}`, 3],
    [`+7 (${code}) ${a}-${b}-${c}`, 2],
    [`8 ${code} ${a} ${b} ${c}`, 1],
  ]);
  return flat(phone);
}

/** A Kaluga landline (area code 4842). */
export function randomCityPhone(random: SeededRandom): string {
  const [a, b, c] = [random.int(50, 79), random.digits(2), random.digits(2)];
  return random.chance(0.7) ? `+7 (4842) ${a}-${b}-${c}` : `8 (4842) ${a}-${b}-${c}`;
}
