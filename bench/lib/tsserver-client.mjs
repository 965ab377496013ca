// A real tsserver spoken to over stdio: requests are single JSON lines, answers come back framed
// by Content-Length headers. Every request has a deadline; on a missed deadline, or when the
// caller is done, the server process (and anything it started) is killed, never left behind.
import { spawn } from 'node:child_process';
import { killGroup } from './measure.mjs';

export class TsServer {
  #pending = new Map();
  #buffer = Buffer.alloc(0);
  #seq = 0;
  #exited;
  #stderr = '';

  /** @param {{ tsserverPath: string, cwd: string, args?: string[] }} options */
  constructor({ tsserverPath, cwd, args = [] }) {
    const argv = [tsserverPath, '--disableAutomaticTypingAcquisition', '--suppressDiagnosticEvents', ...args];
    this.child = spawn(process.execPath, argv, { cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk) => this.#onData(chunk));
    this.child.stderr.on('data', (chunk) => (this.#stderr = (this.#stderr + chunk).slice(-4000)));
    this.child.stdin.on('error', () => {}); // a write after exit; the exit handler reports it
    this.child.on('exit', (code, signal) => {
      this.#exited = new Error(`tsserver exited (${signal ?? code})${this.#stderr ? `: ${this.#stderr}` : ''}`);
      for (const { reject } of this.#pending.values()) reject(this.#exited);
      this.#pending.clear();
    });
    this.onInterrupt = () => {
      killGroup(this.child);
      process.exit(130);
    };
    process.once('SIGINT', this.onInterrupt);
  }

  #send(command, args, seq = ++this.#seq) {
    this.child.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
    return seq;
  }

  /** Sends a request and waits for its answer; a missed deadline kills the server. */
  request(command, args, timeoutMs = 60_000) {
    if (this.#exited) return Promise.reject(this.#exited);
    const seq = ++this.#seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(seq);
        killGroup(this.child);
        reject(new Error(`tsserver did not answer '${command}' within ${timeoutMs} ms: killed it`));
      }, timeoutMs);
      const settle = (fn) => (value) => {
        clearTimeout(timer);
        fn(value);
      };
      this.#pending.set(seq, { resolve: settle(resolve), reject: settle(reject) });
      this.#send(command, args, seq);
    });
  }

  /** `open` has no answer; a cheap request behind it confirms the server took it. */
  async open(file) {
    this.#send('open', { file });
    await this.request('projectInfo', { file, needFileNameList: false });
  }

  async closeFile(file) {
    this.#send('close', { file });
    await this.request('status', {}).catch(() => undefined);
  }

  /** Asks the server to exit; kills it if it has not within a few seconds. */
  async shutdown() {
    process.off('SIGINT', this.onInterrupt);
    if (this.#exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.#send('exit', {});
    this.child.stdin.end();
    const timer = setTimeout(() => killGroup(this.child), 5_000);
    await exited;
    clearTimeout(timer);
  }

  #onData(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString('utf8'))?.[1]);
      const bodyStart = headerEnd + 4;
      if (!Number.isFinite(length) || this.#buffer.length < bodyStart + length) return;
      const message = JSON.parse(this.#buffer.subarray(bodyStart, bodyStart + length).toString('utf8'));
      this.#buffer = this.#buffer.subarray(bodyStart + length);
      if (message.type !== 'response') continue; // events
      const waiter = this.#pending.get(message.request_seq);
      if (!waiter) continue;
      this.#pending.delete(message.request_seq);
      if (message.success) waiter.resolve(message.body);
      else waiter.reject(new Error(`tsserver '${message.command}' failed: ${message.message}`));
    }
  }
}
