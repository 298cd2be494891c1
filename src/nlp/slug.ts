// A slug is a function of its string, and the same few are asked for again and again (a person
// named in every story about a process): the normalisation and five replacements run once per
// distinct string. Bounded, so a long-running server does not keep every name it has read.
const MEMO_SIZE = 4096;
const memo = new Map<string, string>();

/** RECORD.md's slug: lower-case ASCII, diacritics removed, apostrophes dropped, words joined by '-'. */
export function slug(s: string): string {
  let v = memo.get(s);
  if (v === undefined) {
    v = slugOf(s);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(s, v);
  }
  return v;
}

function slugOf(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’ʼ`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
