/**
 * Pieces of regular expressions for the cheap text gates that run before a walk: they must let
 * through every file that may hold what they look for, however its tokens are spaced or commented.
 */

/**
 * Spaces and comments, where code may have them between two tokens. A block comment stops at its
 * first closing star and slash, so a run of them reads one way only: no backtracking over long
 * runs.
 */
export const GAP = String.raw`(?:\s|\/\*(?:[^*]|\*(?!\/))*\*\/|\/\/[^\n]*\n)`;
