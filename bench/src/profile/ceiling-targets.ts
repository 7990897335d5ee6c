import { startServer } from '../ceilings/start-server';
import type { ProfileTarget } from './profile-target';

function serverTarget(
  id: string,
  title: string,
  script: string,
  env: Record<string, string> = {},
  path = '/',
) {
  return (cpuList?: string): ProfileTarget => ({
    id,
    title,
    spec: { url: 'http://127.0.0.1/' }, // port filled in by start()
    async start(profileDir) {
      const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
      const server = await startServer({ script, env, nodeArgs, cpuList });
      this.spec = { url: `${server.url}${path}` };
      return server;
    },
  });
}

/** The hello-world variants the profile compares: what each Express default costs. */
export const ceilingTargets = [
  serverTarget('bare-http', 'bare Node http, res.end', 'bare-http-server.js'),
  serverTarget(
    'express-send',
    'Express, res.send (defaults: ETag, X-Powered-By)',
    'express-hello-server.js',
    {
      EXPRESS_VARIANT: 'send',
    },
  ),
  serverTarget('express-lean', 'Express, res.send, etag off, x-powered-by off', 'express-hello-server.js', {
    EXPRESS_VARIANT: 'lean',
  }),
  serverTarget('express-end', 'Express, res.end with explicit Content-Type', 'express-hello-server.js', {
    EXPRESS_VARIANT: 'end',
  }),
  serverTarget(
    'kit-hello',
    'kit service (services/kit), in-memory res.json',
    '../profile/kit-hello-server.js',
    {},
    '/hello/1',
  ),
];
