// A stand-in for the test runner, so the sample type-checks on its own.
export function describe(title: string, body: () => void): void {
  void title;
  body();
}

export function it(title: string, body: () => void): void {
  void title;
  body();
}

export function expectEqual<T>(actual: T, expected: T): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error('not equal');
}
