import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOKEN_GRAMMAR, tokenize } from './tokens.js';

// The grammar read by the regex engine: what the scanner must reproduce exactly.
function byGrammar(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(TOKEN_GRAMMAR.source, TOKEN_GRAMMAR.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const t = m[0];
    const shape = /^\d/.test(t) ? 'number' : /^[\p{L}\p{M}]/u.test(t) ? 'word' : 'punct';
    out.push(`${m.index}:${t}:${shape}:${t.toLowerCase()}:${String(/^\p{Lu}/u.test(t))}`);
  }
  return out;
}

const byScanner = (text: string): string[] =>
  tokenize(text).map((t) => `${t.start}:${t.text}:${t.shape}:${t.lower}:${String(t.cap)}`);

test('the scanner cuts tokens where the grammar does', () => {
  const samples = [
    "U.S. and U.N. envoys met in Astana on the 21st; Syria's talks (1,000.5 troops, 1990s, 12thx, 1,000a).",
    "Rock'n'roll O'Brien's d’Estaing’s 'sa 'sé isn't X.Y. A.B.c 3rd 4TH 2nd.5 5,6,7th",
    'Ünal Ölçek ΑΘΗΝΑ café e\u0301 \u0301x 𝐀𝐁 𝐀.𝐁. 𠀀 ٣ ⓐ Ⓐ \ud800 x\u00a0y\u2003z',
  ];
  for (const s of samples) assert.deepEqual(byScanner(s), byGrammar(s), s);
});

test('the scanner agrees with the grammar on random text', () => {
  const alphabet = ['a', 'b', 's', 'S', 't', 'h', 'n', 'd', 'r', 'A', 'U', 'É', 'é', '\u0301', '1', '0', '9', '.', ',', "'", '’', '-', ' ', '\n', '_', '𝐀', '٣', '\u00a0', '\ud800', '"', 'ǅ'];
  let seed = 7;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  for (let n = 0; n < 3000; n++) {
    let s = '';
    const len = 1 + rand(16);
    for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)] ?? '';
    assert.deepEqual(byScanner(s), byGrammar(s), JSON.stringify(s));
  }
});
