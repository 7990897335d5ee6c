import { z } from 'zod';
import { HttpProblem } from './http-problem';
import { fieldErrors } from './parse-input';

/** Shape of the errors body-parser (express.json) raises. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  message: string;
}

const bodyParserProblems: Record<string, (err: BodyParserError) => HttpProblem> = {
  'entity.parse.failed': () => new HttpProblem(400, 'malformed JSON body'),
  'entity.too.large': () => new HttpProblem(413, 'request body too large'),
  'encoding.unsupported': (err) => new HttpProblem(415, err.message),
  'charset.unsupported': (err) => new HttpProblem(415, err.message),
  'request.aborted': () => new HttpProblem(400, 'request aborted'),
  'request.size.invalid': () => new HttpProblem(400, 'request size did not match content length'),
};

function isBodyParserError(err: unknown): err is BodyParserError {
  return err instanceof Error && typeof (err as BodyParserError).type === 'string';
}

/** Maps anything thrown by a handler to a problem; `undefined` means "unexpected" (answered with 500). */
export function toProblem(err: unknown): HttpProblem | undefined {
  if (err instanceof HttpProblem) return err;
  if (err instanceof z.ZodError) {
    const errors = fieldErrors(err, 'input');
    return new HttpProblem(400, 'invalid input', { errors });
  }
  // Express's router fails a path parameter with bad percent-encoding (`/products/%ff`) this way.
  if (err instanceof URIError && (err as URIError & { status?: unknown }).status === 400) {
    return new HttpProblem(400, 'malformed percent-encoding in the path');
  }
  if (isBodyParserError(err)) {
    const known = bodyParserProblems[err.type as string];
    if (known) return known(err);
    // Other http-errors that are safe to expose (4xx) keep their status and message.
    if (err.expose === true && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      return new HttpProblem(err.status, err.message);
    }
  }
  return undefined;
}
