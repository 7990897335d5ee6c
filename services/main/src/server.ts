// Tracing must start before Express and http load, hence the dynamic import.
import { initTracing } from '@eks-sre-lab/kit/tracing';

initTracing('main');
void import('./main.js').then((m) => m.main());
