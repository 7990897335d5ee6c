import { Transform, type Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { HttpProblem } from '@eks-sre-lab/kit';
import { objectKey } from './object-key';

export interface UploadTarget {
  s3: S3Client;
  bucket: string;
  maxBytes: number;
  allowedTypes: ReadonlySet<string>;
}

export interface StoredObject {
  bucket: string;
  key: string;
  size: number;
  contentType: string;
}

/** Room for the multipart framing around a file of exactly `maxBytes`. */
const FRAMING_SLACK = 16 * 1024;

/** Counts the bytes that pass through, so the answer can report the stored size. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length;
    this.push(chunk);
    done();
  }
}

/**
 * Streams the single file part of a multipart request straight to S3 (never buffered whole), under a
 * generated key. Answers 415 for a non-multipart request or a type outside the allow-list, 413 past
 * `maxBytes`, 400 for a missing or malformed file part.
 */
export async function receiveUpload(req: Request, target: UploadTarget): Promise<StoredObject> {
  if (!req.is('multipart/form-data')) {
    throw new HttpProblem(415, 'send the file as multipart/form-data');
  }
  const declared = Number(req.get('content-length') ?? 0);
  if (declared > target.maxBytes + FRAMING_SLACK) {
    throw new HttpProblem(413, `the file exceeds ${target.maxBytes} bytes`);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      // busboy reports the limit once a file *reaches* fileSize; a file of exactly maxBytes is fine.
      limits: { fileSize: target.maxBytes + 1, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    });
  } catch {
    throw new HttpProblem(400, 'malformed multipart/form-data request (missing boundary?)');
  }
  return new Promise<StoredObject>((resolve, reject) => {
    let failure: HttpProblem | undefined;
    let stored: Promise<StoredObject> | undefined;
    let finished = false;
    const fail = (problem: HttpProblem) => (failure ??= problem);
    const malformed = () => fail(new HttpProblem(400, 'malformed multipart/form-data body'));
    // A truncated body ends the parser with 'error' (then maybe 'close'): answer once, whichever comes.
    const finish = () => {
      if (finished) return;
      finished = true;
      settle(stored, () => failure).then(resolve, reject);
    };

    parser.on('file', (_field: string, file: Readable, info: busboy.FileInfo) => {
      // busboy fails a cut-off part on its stream: unhandled, that 'error' would crash the process.
      file.on('error', malformed);
      const contentType = info.mimeType.toLowerCase();
      if (stored || failure) return void file.resume();
      if (!target.allowedTypes.has(contentType)) {
        fail(new HttpProblem(415, `content type ${contentType} is not allowed`));
        return void file.resume();
      }
      stored = storeStream(file, contentType, target, () =>
        fail(new HttpProblem(413, `the file exceeds ${target.maxBytes} bytes`)),
      );
      stored.catch(() => undefined); // surfaced on 'close'
    });
    parser.on('filesLimit', () => fail(new HttpProblem(400, 'send exactly one file')));
    parser.on('error', () => {
      malformed();
      finish();
    });
    parser.on('close', finish);
    req.on('aborted', () => reject(new HttpProblem(400, 'the upload was aborted by the client')));
    req.pipe(parser);
  });
}

async function settle(
  stored: Promise<StoredObject> | undefined,
  failure: () => HttpProblem | undefined,
): Promise<StoredObject> {
  if (!stored) throw failure() ?? new HttpProblem(400, 'a file part is required');
  try {
    const result = await stored;
    const problem = failure();
    if (problem) throw problem;
    return result;
  } catch (error) {
    const problem = failure();
    if (problem) throw problem;
    if (error instanceof HttpProblem) throw error;
    throw new HttpProblem(502, 'object storage did not accept the upload');
  }
}

async function storeStream(
  file: Readable,
  contentType: string,
  target: UploadTarget,
  onTooLarge: () => void,
): Promise<StoredObject> {
  const key = objectKey(contentType);
  const counter = new ByteCounter();
  // pipe() does not forward errors: a failed part must fail the upload too, not leave it waiting.
  file.once('error', (error) => counter.destroy(error));
  const upload = new Upload({
    client: target.s3,
    params: { Bucket: target.bucket, Key: key, Body: file.pipe(counter), ContentType: contentType },
    queueSize: 2,
    leavePartsOnError: false,
  });
  // After an abort or a failed upload nobody reads the counter any more: drain the part so busboy can
  // finish parsing the request and the answer goes out.
  const drain = () => {
    file.unpipe(counter);
    file.resume();
  };
  let truncated = false;
  file.once('limit', () => {
    truncated = true;
    onTooLarge();
    void upload.abort().finally(drain);
  });
  try {
    await upload.done();
  } catch (error) {
    drain();
    throw error;
  }
  if (truncated) {
    // The truncated object may have been written before the abort landed: never keep a partial file.
    await target.s3.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key })).catch(() => undefined);
    throw new HttpProblem(413, `the file exceeds ${target.maxBytes} bytes`);
  }
  return { bucket: target.bucket, key, size: counter.bytes, contentType };
}
