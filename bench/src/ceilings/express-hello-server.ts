// Ceiling 2: the Express hello-world. Run as its own process; prints `LISTENING <port>`.
// EXPRESS_VARIANT picks what the profile script compares:
//   send  — the documented hello-world, `res.send` (ETag, charset, X-Powered-By)
//   lean  — etag and x-powered-by off, still `res.send`
//   end   — `res.end` with an explicit Content-Type (skips res.send entirely)
import { createServer } from 'node:http';
import express from 'express';
import { listenAndAnnounce } from './announce';

const variant = process.env.EXPRESS_VARIANT ?? 'send';
const app = express();
if (variant !== 'send') {
  app.set('etag', false);
  app.disable('x-powered-by');
}
app.get('/', (_req, res) => {
  if (variant === 'end') {
    res.setHeader('content-type', 'text/plain');
    res.end('Hello World!');
  } else {
    res.send('Hello World!');
  }
});
listenAndAnnounce(createServer(app));
