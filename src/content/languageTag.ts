/** Whether `tag` is a language tag such as `en-US` or `kk-KZ`, as `lang` takes (front matter, config, --lang). */
export function isLanguageTag(tag: string): boolean {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag);
}
