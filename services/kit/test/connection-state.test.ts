import { EventEmitter } from 'node:events';
import { createLogger } from '../src/logging/logger';
import { logConnectionState } from '../src/logging/connection-state';

function capture() {
  const lines: { level: string; msg: string; err?: { message: string } }[] = [];
  const { logger } = createLogger({
    name: 'test',
    level: 'info',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

it('logs a lost connection once, however many reconnect attempts fail, and its return once', () => {
  const { logger, lines } = capture();
  const connection = new EventEmitter();
  logConnectionState(connection, logger, { lost: 'redis unavailable', restored: 'redis back' });

  connection.emit('ready'); // the first connect is not a recovery
  for (let attempt = 0; attempt < 5; attempt++) connection.emit('error', new Error('connect ECONNREFUSED'));
  connection.emit('ready');
  connection.emit('error', new Error('read ECONNRESET'));
  connection.emit('ready');

  expect(lines.map((l) => [l.level, l.msg, l.err?.message])).toEqual([
    ['warn', 'redis unavailable', 'connect ECONNREFUSED'],
    ['info', 'redis back', undefined],
    ['warn', 'redis unavailable', 'read ECONNRESET'],
    ['info', 'redis back', undefined],
  ]);
});
