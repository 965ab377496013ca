/**
 * Pieces of the cheap text checks that run before a walk. Such a check must let through every file
 * that may hold what it looks for, however the code spaces or comments its tokens.
 */

/**
 * Spaces and comments, where code may have them between two tokens. A block comment stops at its
 * first closing star and slash, so a run of them reads one way only: no backtracking over it.
 */
export const GAP = String.raw`(?:\s|\/\*(?:[^*]|\*(?!\/))*\*\/|\/\/[^\n]*\n)`;
