export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Progress on stderr for runs over more than a few dozen files: a rewritten line on a terminal, a line per tenth otherwise. */
export class Progress {
  private lastTenth = -1;
  private shown = false;

  constructor(
    private readonly err: Output,
    private readonly label: string,
    private readonly total: number,
    private readonly threshold = 40,
  ) {}

  /** `unit` names what is counted (files unless told). */
  tick(done: number, unit = 'files'): void {
    if (this.total <= this.threshold) return;
    if (this.err.isTTY) {
      if (done === this.total || done % 25 === 0) {
        this.err.write(`\r${this.label}: ${done}/${this.total} ${unit}`);
        this.shown = true;
      }
      return;
    }
    const tenth = Math.floor((done * 10) / this.total);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.err.write(`${this.label}: ${done}/${this.total} ${unit}\n`);
    }
  }

  done(): void {
    if (this.shown) this.err.write('\n');
    this.shown = false;
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
