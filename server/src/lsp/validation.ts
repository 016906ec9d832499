/**
 * Debounced validation per document: typing schedules one run after a
 * short pause; opening or a settings change runs at once. Runs for
 * different documents do not wait for each other.
 */
export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 60,
  ) {}

  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.validate(uri).catch(this.onError);
    }, delayMs));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }
}
