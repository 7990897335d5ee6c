// Tracing must start before Express and http load, so the rest comes in through a dynamic import.
import { initTracing } from '@eks-sre-lab/kit/tracing';

initTracing('catalog');
void import('./main.js').then(
  (m) => m.main(),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
