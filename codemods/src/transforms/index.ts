import type { TransformInfo } from '../transform';

/** Every transform, in the order `migrate` runs them. */
export const allTransforms: readonly TransformInfo[] = [];
