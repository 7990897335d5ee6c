/** Keeps the last `capacity` lines written to it (a bounded ring for child process output). */
export class LogLines {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly capacity = 1_000) {}

  /** Appends a chunk of output; incomplete trailing lines wait for the next chunk. */
  write(chunk: Buffer | string): void {
    const parts = (this.partial + chunk.toString()).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.push(line);
  }

  push(line: string): void {
    this.lines.push(line.replace(/\r$/, ''));
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  /** All kept lines, oldest first (plus an unterminated last line, if any). */
  all(): string[] {
    return this.partial ? [...this.lines, this.partial] : [...this.lines];
  }

  tail(count = 20): string[] {
    return this.all().slice(-count);
  }

  clear(): void {
    this.lines.length = 0;
    this.partial = '';
  }
}
