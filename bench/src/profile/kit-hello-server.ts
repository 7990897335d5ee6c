// A service on the kit with one in-memory JSON route: what the kit's middleware stack costs on top of
// Express, without any data store. Own process; prints `LISTENING <port>` on stderr-free stdout first.
import { initTracing } from '@eks-sre-lab/kit/tracing';

initTracing('kit-hello');
void import('./kit-hello-app.js').then((m) => m.main());
