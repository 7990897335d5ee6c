// Preloaded by scripts/import-bindings.sh: `cdk8s import k8s@X` downloads the Kubernetes definitions from the
// internet; this points its download helper at the local copy in $K8S_DEFINITIONS instead (same file bytes).
const fs = require('node:fs');
const path = require('node:path');

const util = require(path.join(path.dirname(require.resolve('cdk8s-cli/package.json')), 'lib/util.js'));
const original = util.download;
util.download = async (url) => {
  if (url.endsWith('/_definitions.json') && process.env.K8S_DEFINITIONS) {
    return fs.readFileSync(process.env.K8S_DEFINITIONS, 'utf-8');
  }
  return original(url);
};
