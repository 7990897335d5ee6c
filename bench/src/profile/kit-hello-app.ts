import { baseConfigSchema, createService, parseConfig } from '@eks-sre-lab/kit';

const product = {
  id: 1,
  name: 'Wireless Mouse',
  description: 'A product-sized JSON payload, answered from memory.',
  price: '29.99',
  categoryId: 3,
  stockQuantity: 120,
  imageUrl: null,
};

export async function main(): Promise<void> {
  const config = parseConfig(baseConfigSchema, { ...process.env, HOST: '127.0.0.1', PORT: '0' });
  const service = createService({ name: 'kit-hello', config });
  service.app.get('/hello/:id', (_req, res) => {
    res.json(product);
  });
  const { port } = await service.listen();
  process.stdout.write(`LISTENING ${port}\n`);
  service.handleSignals();
}
