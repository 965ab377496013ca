/** `*.test.*`, `*.spec.*`, and files under `__tests__/` or `testing/`. */
const TEST_FILE = /(\.(test|spec)\.[cm]?[jt]sx?$)|(^|\/)(__tests__|testing)\//;

/**
 * Whether a file is a test: tests build actions to feed mocks and configs with stand-in paths,
 * which contracts about what reaches the runtime and the build leave alone unless asked.
 */
export function isTestFile(fileName: string): boolean {
  return TEST_FILE.test(fileName.replace(/\\/g, '/'));
}
