// See jest.config.js: the validation gate's first kustomize/promtool runs need more than 5 s here.
jest.setTimeout(120_000);
