import { setFlagsFromString } from 'node:v8';

// V8's own intrinsics, for tests of how values are laid out in memory (nothing else can see it)
setFlagsFromString('--allow-natives-syntax');

/**
 * Whether V8 gives two values the same map: for objects, one hidden class
 * (shared, not one each); for strings, one representation (a flat string
 * and a view into a longer one — a "sliced string" — have different maps).
 */
export const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;
