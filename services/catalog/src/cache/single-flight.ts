/**
 * Collapses concurrent calls with the same key into one: the first caller runs `fn`, the others share its
 * promise. An entry is forgotten one macrotask after it settles (not at once), so a caller whose cache
 * read missed just before the flight stored its result still joins instead of querying again.
 */
export class SingleFlight {
  private readonly flights = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const existing = this.flights.get(key);
    if (existing) return existing as Promise<T>;
    const flight = fn();
    this.flights.set(key, flight);
    const forget = () => {
      setImmediate(() => {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      });
    };
    flight.then(forget, forget);
    return flight;
  }

  /** Drops flights whose key starts with `prefix`, so reads after a write never join an older read. */
  forget(prefix: string): void {
    for (const key of this.flights.keys()) if (key.startsWith(prefix)) this.flights.delete(key);
  }

  get size(): number {
    return this.flights.size;
  }
}
