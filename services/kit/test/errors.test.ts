import { z } from 'zod';
import express from 'express';
import { HttpProblem, parseInput, problem } from '../src';
import { problemOf, startService, type Running } from './helpers';

const productSchema = z.object({ name: z.string().min(1), price: z.number().positive() });

let running: Running;

beforeAll(async () => {
  running = await startService({}, ({ app }) => {
    const router = express.Router();
    router.post('/products', (req, res) => {
      const body = parseInput(productSchema, req.body, 'body');
      res.status(201).json(body);
    });
    router.get('/items/:id', (req, res) => {
      res.json({ id: req.params.id });
    });
    router.get('/401', () => {
      throw problem.unauthorized();
    });
    router.get('/403', () => {
      throw problem.forbidden();
    });
    router.get('/404', () => {
      throw problem.notFound('product 42 does not exist');
    });
    router.get('/409', () => {
      throw problem.conflict('not enough stock', { available: 3 });
    });
    router.get('/500', async () => {
      await Promise.resolve();
      throw new Error('secret database detail');
    });
    router.get('/502', () => {
      throw new HttpProblem(502, 'catalog answered 500');
    });
    router.get('/503', () => {
      throw problem.serviceUnavailable('catalog circuit open', 30);
    });
    router.get('/504', () => {
      throw problem.gatewayTimeout('catalog did not answer within 2000 ms');
    });
    app.use('/t', router);
  });
});

afterAll(() => running.stop());

const post = (path: string, body: string, type = 'application/json') =>
  fetch(`${running.url}${path}`, { method: 'POST', body, headers: { 'content-type': type } });

test('400 names each invalid field', async () => {
  const response = await post('/t/products', JSON.stringify({ name: '', price: -1 }));
  expect(response.status).toBe(400);
  const body = await problemOf(response);
  expect(body).toMatchObject({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    instance: '/t/products',
  });
  expect(body.requestId).toEqual(response.headers.get('x-request-id'));
  const fields = (body.errors as { field: string; message: string }[]).map((e) => e.field).sort();
  expect(fields).toEqual(['body.name', 'body.price']);
});

test('valid input passes through parseInput', async () => {
  const response = await post('/t/products', JSON.stringify({ name: 'mug', price: 9.5 }));
  expect(response.status).toBe(201);
  expect(await response.json()).toEqual({ name: 'mug', price: 9.5 });
});

test('malformed JSON is a 400, not a 500', async () => {
  const response = await post('/t/products', '{"name": ');
  expect(response.status).toBe(400);
  expect((await problemOf(response)).detail).toBe('malformed JSON body');
});

test('a body over the limit is a 413', async () => {
  const response = await post('/t/products', JSON.stringify({ name: 'x'.repeat(200_000), price: 1 }));
  expect(response.status).toBe(413);
  expect((await problemOf(response)).status).toBe(413);
});

test('a non-JSON body is a 415', async () => {
  const response = await post('/t/products', 'name=mug', 'text/plain');
  expect(response.status).toBe(415);
  expect((await problemOf(response)).detail).toContain('text/plain');
});

test.each([
  [401, 'Unauthorized'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [409, 'Conflict'],
  [502, 'Bad Gateway'],
  [503, 'Service Unavailable'],
  [504, 'Gateway Timeout'],
])('%i is problem+json titled %s', async (status, title) => {
  const response = await fetch(`${running.url}/t/${status}`);
  expect(response.status).toBe(status);
  const body = await problemOf(response);
  expect(body).toMatchObject({ status, title, instance: `/t/${status}` });
  expect(typeof body.detail).toBe('string');
});

test('409 carries its extension members', async () => {
  const body = await problemOf(await fetch(`${running.url}/t/409`));
  expect(body).toMatchObject({ detail: 'not enough stock', available: 3 });
});

test('503 may carry Retry-After', async () => {
  const response = await fetch(`${running.url}/t/503`);
  expect(response.headers.get('retry-after')).toBe('30');
});

test('an unexpected error is a 500 without stack or message, logged with its stack', async () => {
  const response = await fetch(`${running.url}/t/500`);
  expect(response.status).toBe(500);
  const text = await response.text();
  expect(text).not.toContain('secret database detail');
  expect(text).not.toMatch(/at .*\.ts:\d+/);
  expect(JSON.parse(text)).toMatchObject({ status: 500, title: 'Internal Server Error' });
  const logged = running.logs.withRequestId(response.headers.get('x-request-id') as string);
  const error = logged.find((line) => line.msg === 'unhandled error') as { err: { stack: string } };
  expect(error.err.stack).toContain('secret database detail');
});

test('a path parameter with malformed percent-encoding is a 400, not a 500', async () => {
  expect((await fetch(`${running.url}/t/items/%E2%82%AC`)).status).toBe(200); // well-formed: "€"
  const response = await fetch(`${running.url}/t/items/%ff`);
  expect(response.status).toBe(400);
  expect((await problemOf(response)).detail).toBe('malformed percent-encoding in the path');
});

test('an unknown route is a 404', async () => {
  const response = await fetch(`${running.url}/nowhere/at/all`);
  expect(response.status).toBe(404);
  expect((await problemOf(response)).detail).toBe('no route for GET /nowhere/at/all');
});
