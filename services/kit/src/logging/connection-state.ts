import type { Logger } from 'pino';

/** The events a client connection (an ioredis client, for one) emits as it drops and reconnects. */
export interface ConnectionEvents {
  on(event: 'ready' | 'error', listener: (error?: Error) => void): unknown;
}

export interface ConnectionMessages {
  /** Logged (warn) on the first error after the connection was up. */
  lost: string;
  /** Logged (info) when it is ready again. */
  restored: string;
}

/**
 * One warn line when a connection goes away and one info line when it is back, instead of one line per
 * reconnect attempt: a client retrying every two seconds would fill the log for the whole outage.
 */
export function logConnectionState(
  connection: ConnectionEvents,
  logger: Logger,
  messages: ConnectionMessages,
): void {
  let up = true;
  connection.on('ready', () => {
    if (!up) logger.info(messages.restored);
    up = true;
  });
  connection.on('error', (error) => {
    if (up) logger.warn({ err: error }, messages.lost);
    up = false;
  });
}
