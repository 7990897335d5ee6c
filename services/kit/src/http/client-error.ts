import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

// Errors Node's HTTP parser raises before Express sees the request (headers or URL over
// --max-http-header-size, malformed request line, header timeout).
const statusByCode: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * Answers requests the parser rejects with application/problem+json (Node's default is an empty body),
 * so even a 16 KB URL gets the same error shape as every other bad input.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, title] = statusByCode[err.code ?? ''] ?? [400, 'Bad Request'];
    const body = JSON.stringify({ type: 'about:blank', title, status, detail: title.toLowerCase() });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
