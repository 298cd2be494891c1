// Turns bytes into text or a typed error naming what is wrong with them.
import { InputError } from '../errors.js';
import { MAX_ARTICLE_BYTES } from './limits.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Binary when it holds NUL bytes or many control characters (text never does). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}

export function decodeText(bytes: Uint8Array, subject: string, limit = MAX_ARTICLE_BYTES): string {
  if (bytes.length > limit) {
    throw new InputError('TOO_LARGE', `too large: ${bytes.length} bytes, the limit is ${limit} bytes`, { subject });
  }
  if (bytes.length === 0) throw new InputError('EMPTY_INPUT', 'empty file', { subject });
  if (looksBinary(bytes)) throw new InputError('BINARY_INPUT', 'binary data, not text', { subject });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (e) {
    throw new InputError('BAD_ENCODING', 'not valid UTF-8 text', { subject, cause: e });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError('EMPTY_INPUT', 'no text (only whitespace)', { subject });
  return text;
}
