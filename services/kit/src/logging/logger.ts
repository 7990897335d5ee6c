import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  name: string;
  level: string;
  /** Where JSON lines go; stdout through an asynchronous sonic-boom by default (no sync I/O per line). */
  destination?: DestinationStream;
}

export interface KitLogger {
  logger: Logger;
  /** Writes out whatever is still buffered (before `process.exit`). */
  flush(): void;
}

export function createLogger({ name, level, destination }: LoggerOptions): KitLogger {
  const stream = destination ?? pino.destination({ dest: 1, sync: false });
  const logger = pino(
    {
      level,
      base: { service: name },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  const flush = () => {
    if ('flushSync' in stream && typeof stream.flushSync === 'function') {
      try {
        (stream as { flushSync(): void }).flushSync();
      } catch {
        // Not ready yet (nothing written) or already closed: nothing to flush.
      }
    }
  };
  return { logger, flush };
}
