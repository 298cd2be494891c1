// The write token: compared in constant time over SHA-256 digests (equal lengths whatever the
// input), so neither the token's content nor its length leaks through response timing.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export function tokenChecker(token: string): (authorization: string | undefined) => boolean {
  const want = digest(token);
  return (authorization) => {
    const m = /^Bearer ([\x21-\x7e]+)$/.exec(authorization ?? '');
    const given = digest(m?.[1] ?? '');
    // Always compare, even when the header is missing, so every path costs the same.
    const same = timingSafeEqual(given, want);
    return same && m !== null;
  };
}
