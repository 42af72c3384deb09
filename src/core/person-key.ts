/**
 * A person's key: who a 签收, a 自评 or a 上级评定 is from, whatever the name's width, case or spaces.
 * Unicode NFKC (full-width letters and digits folded), spaces trimmed and removed inside (张 三 = 张三),
 * Latin letters lower-cased. '' when nothing is left.
 */
export function personKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
