/**
 * How long an answer read from the disk is reused without asking again. Configs name the same
 * modules over and over, and an editor makes a new program on every keystroke, while each answer
 * costs file system calls; a second is short enough that a file created or changed (a module, a
 * package installed) is seen by the next lint of a file, or after the next pause in typing.
 */
export const DISK_ANSWER_LIFETIME_MS = 1000;
