// Ceiling 1: the cheapest possible Node HTTP answer. Run as its own process; prints `LISTENING <port>`.
import { createServer } from 'node:http';
import { listenAndAnnounce } from './announce';

const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('Hello World!');
});
listenAndAnnounce(server);
