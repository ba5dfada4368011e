/** Languages written right to left: Arabic, Hebrew, Persian, Urdu, Yiddish, Pashto, Sindhi, Uyghur, Dhivehi, Sorani. */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb']);

/** Which way text in language `lang` reads, unless the deck says (`dir:`). */
export function textDirection(lang: string, dir?: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  return dir ?? (RIGHT_TO_LEFT.has(lang.split(/[-_]/)[0].toLowerCase()) ? 'rtl' : 'ltr');
}
