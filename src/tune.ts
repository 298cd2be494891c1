// One process-wide V8 setting for long batches (the CLI, the bench), kept in one place.
import { setFlagsFromString } from 'node:v8';

/**
 * The rule passes (readTalks and its kin) are long functions. TurboFan spends seconds of CPU
 * compiling each of them, again whenever their type feedback changes, for no gain: their time
 * goes to the small helpers they call, which still get optimised. Left in the baseline tier,
 * they cost nothing to compile; on one core that doubles throughput (`npm run bench`).
 * Only this flag is set at run time: V8's heap flags are not safe to change once it runs.
 */
export const V8_FLAGS = '--max-optimized-bytecode-size=2000';

export function tuneForThroughput(): void {
  setFlagsFromString(V8_FLAGS);
}
