import { connect } from 'node:net';
import { problemOf, startService, type Running } from './helpers';

let running: Running;
let port: number;

beforeAll(async () => {
  running = await startService({}, ({ app }) => {
    app.post('/echo', (req, res) => {
      res.json({ received: req.body as unknown });
    });
  });
  port = Number(new URL(running.url).port);
});

afterAll(() => running.stop());

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Writes raw bytes on a fresh loopback connection and reads until the server closes it. */
function rawRequest(payload: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(payload);
  });
}

function expectParserProblem(response: RawResponse, status: number, title: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json');
  expect(response.headers.connection).toBe('close');
  expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
  expect(JSON.parse(response.body)).toEqual({
    type: 'about:blank',
    title,
    status,
    detail: title.toLowerCase(),
  });
}

describe('requests Node’s HTTP parser rejects', () => {
  it('answers an oversized header with 431 problem+json', async () => {
    const huge = 'x'.repeat(20_000); // over Node's 16 KiB default --max-http-header-size
    const response = await rawRequest(`GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: ${huge}\r\n\r\n`);
    expectParserProblem(response, 431, 'Request Header Fields Too Large');
  });

  it('answers an oversized URL with 431 problem+json', async () => {
    const response = await rawRequest(`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`);
    expectParserProblem(response, 431, 'Request Header Fields Too Large');
  });

  it.each([
    ['a request line without method and version', 'GARBAGE\r\n\r\n'],
    ['an unknown HTTP version', 'GET / HTTP/9.9\r\nHost: a\r\n\r\n'],
    ['a space inside a header name', 'GET / HTTP/1.1\r\nHost: a\r\nBad Header: 1\r\n\r\n'],
    ['a non-numeric Content-Length', 'POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: ten\r\n\r\n'],
  ])('answers %s with 400 problem+json', async (_name, payload) => {
    expectParserProblem(await rawRequest(payload), 400, 'Bad Request');
  });

  it('keeps serving well-formed requests afterwards', async () => {
    const response = await rawRequest('GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
    expect(response.status).toBe(200);
  });
});

describe('JSON body charset', () => {
  const post = (contentType: string, body: Buffer | string) =>
    fetch(`${running.url}/echo`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it.each([
    ['utf-16', 'application/json; charset=utf-16', Buffer.from('{"a":1}', 'utf16le')],
    ['utf-7', 'application/json; charset=utf-7', '{"a":1}'],
    ['quoted latin1 on a +json type', 'application/merge-patch+json; charset="ISO-8859-1"', '{"a":1}'],
    ['utf8 (not a registered charset name)', 'application/json; charset=utf8', '{"a":1}'],
  ])('answers %s with 415 problem+json', async (_name, contentType, body) => {
    const response = await post(contentType, body);
    expect(response.status).toBe(415);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 415, title: 'Unsupported Media Type', instance: '/echo' });
    expect(problem.detail).toMatch(/^unsupported charset ".+": send UTF-8 JSON$/);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/json;charset="UTF-8"'])(
    'parses UTF-8 JSON sent as %s',
    async (contentType) => {
      const response = await post(contentType, '{"name":"caf\u00e9"}');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ received: { name: 'café' } });
    },
  );
});
