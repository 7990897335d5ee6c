// Entry point: tracing must be set up before Express and `http` are loaded.
import { initTracing } from '@eks-sre-lab/kit/tracing';

initTracing('order');
import('./main.js')
  .then((m) => m.main())
  .catch((error: unknown) => {
    console.error('order service failed to start:', error);
    process.exit(1);
  });
