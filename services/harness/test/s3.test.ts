import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { s3ClientConfig, startS3, type S3Handle } from '../src';

const MiB = 1024 * 1024;

describe('startS3', () => {
  let s3: S3Handle;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3({ buckets: ['preset'] });
    await s3.createBucket('uploads');
    client = new S3Client(s3ClientConfig(s3));
  });

  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
  });

  async function read(key: string): Promise<Buffer> {
    const got = await client.send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
    return Buffer.from(await got.Body!.transformToByteArray());
  }

  it('puts and gets an object, stored on disk', async () => {
    const body = Buffer.from('hello from the harness');
    await client.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: 'notes/a.txt', Body: body, ContentType: 'text/plain' }),
    );
    expect(await read('notes/a.txt')).toEqual(body);
    const head = await client.send(new HeadObjectCommand({ Bucket: 'uploads', Key: 'notes/a.txt' }));
    expect(head.ContentLength).toBe(body.length);
    expect(head.ContentType).toBe('text/plain');
    expect(fs.readdirSync(s3.dir)).toEqual(expect.arrayContaining(['uploads', 'preset']));
  });

  it('round-trips a streamed multipart upload with parts over 5 MB', async () => {
    const data = randomBytes(13 * MiB);
    const upload = new Upload({
      client,
      params: {
        Bucket: 'uploads',
        Key: 'big.bin',
        Body: Readable.from([data.subarray(0, 7 * MiB), data.subarray(7 * MiB)]),
      },
      partSize: 6 * MiB,
    });
    const parts: number[] = [];
    upload.on('httpUploadProgress', (p) => p.part && parts.push(p.part));
    await upload.done();
    expect(new Set(parts).size).toBe(3);
    const head = await client.send(new HeadObjectCommand({ Bucket: 'uploads', Key: 'big.bin' }));
    expect(head.ContentLength).toBe(data.length);
    expect((await read('big.bin')).equals(data)).toBe(true);
  });

  it('streams a PutObject body of known length intact', async () => {
    const data = randomBytes(64 * 1024);
    await client.send(
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: 'stream.bin',
        Body: Readable.from([data]),
        ContentLength: data.length,
      }),
    );
    expect((await read('stream.bin')).equals(data)).toBe(true);
    const list = await client.send(new ListObjectsV2Command({ Bucket: 'uploads' }));
    expect(list.Contents?.map((o) => o.Key)).toEqual(expect.arrayContaining(['big.bin', 'stream.bin']));
  });

  it('rejects aws-chunked uploads from a client without the checksum settings', async () => {
    const { requestChecksumCalculation: _r, responseChecksumValidation: _v, ...plain } = s3ClientConfig(s3);
    const defaults = new S3Client(plain);
    // The SDK warns on console about the failed streaming request; that warning is expected here.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = Buffer.from('would be stored with chunk framing');
    const put = defaults.send(
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: 'x',
        Body: Readable.from([data]),
        ContentLength: data.length,
      }),
    );
    await expect(put).rejects.toThrow(/requestChecksumCalculation: 'WHEN_REQUIRED'/);
    warn.mockRestore();
    defaults.destroy();
  });

  it('removes its directory on stop', async () => {
    const other = await startS3();
    expect(fs.existsSync(other.dir)).toBe(true);
    await other.stop();
    expect(fs.existsSync(other.dir)).toBe(false);
  });
});
