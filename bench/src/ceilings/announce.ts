import type { Server } from 'node:http';

/** Listens on PORT (0 = any free port) on loopback, prints the port, exits cleanly on SIGTERM/SIGINT. */
export function listenAndAnnounce(server: Server): void {
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.stdout.write(`LISTENING ${port}\n`);
  });
  // A clean exit (not a signal death) lets `--cpu-prof` write its profile.
  const stop = (): void => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
