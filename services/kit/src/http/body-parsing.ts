import express, { type RequestHandler } from 'express';
import { HttpProblem } from '../errors/http-problem';

export interface BodyParsingOptions {
  /** Max JSON body size (`100kb` by default). */
  limit: string | number;
  /** Media types a route parses itself (e.g. `multipart/form-data` uploads); others get 415. */
  passthroughTypes: string[];
}

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH']);
const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
// JSON is UTF-8 (RFC 8259); body-parser would also decode utf-7/utf-16, a known filter-evasion trick.
const charsetParam = /;\s*charset\s*=\s*"?([^";\s]*)/i;

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] ?? '0') !== '0';
}

/**
 * JSON body parsing for POST/PUT/PATCH only (GET/HEAD never pay for it). A body of any other media type
 * is answered with 415, except the pass-through types.
 */
export function bodyParsing({ limit, passthroughTypes }: BodyParsingOptions): RequestHandler {
  const json = express.json({ limit, type: (req) => jsonType.test(req.headers['content-type'] ?? '') });
  const passthrough = passthroughTypes.map((type) => type.toLowerCase());
  return (req, res, next) => {
    if (!methodsWithBody.has(req.method) || !hasBody(req.headers)) {
      next();
      return;
    }
    const type = req.headers['content-type'] ?? '';
    if (jsonType.test(type)) {
      const charset = charsetParam.exec(type)?.[1]?.toLowerCase();
      // body-parser accepts only `utf-*` names too: `utf8` would be its 415 with another message.
      if (charset !== undefined && charset !== 'utf-8') {
        next(new HttpProblem(415, `unsupported charset "${charset}": send UTF-8 JSON`));
        return;
      }
      json(req, res, next);
      return;
    }
    const media = type.split(';')[0]?.trim().toLowerCase() ?? '';
    if (passthrough.includes(media)) {
      next();
      return;
    }
    next(new HttpProblem(415, `unsupported content type "${media || '(none)'}": send application/json`));
  };
}
