// Node loader hooks that stand in for the k6 runtime modules, so a k6 script can be imported by Node to
// read its exported options and call its handleSummary (the k6 binary cannot run in the sandbox).
const stubs = {
  k6: 'export const check = () => true; export const group = (_n, f) => f(); export const sleep = () => {};',
  'k6/http':
    'export default { get() {}, post() {}, setResponseCallback() {}, expectedStatuses: (...a) => a };',
};

export async function resolve(specifier, context, next) {
  if (specifier in stubs)
    return { url: `data:text/javascript,${encodeURIComponent(stubs[specifier])}`, shortCircuit: true };
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && url.includes('/loadtest/')) {
    const loaded = await next(url, { ...context, format: 'module' });
    return { ...loaded, format: 'module', shortCircuit: true };
  }
  return next(url, context);
}
