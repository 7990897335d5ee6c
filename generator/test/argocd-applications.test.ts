import { labConfig } from '../src/config/lab.config';
import { applicationProblems, applicationSources } from './gate/argocd';
import { REPO_ROOT } from './gate/paths';
import { builtTree } from './gate/tree';

describe('every Argo CD Application points at something that exists and builds', () => {
  it('checks the Applications of the tree', async () => {
    const { builds, dirs, errors } = await builtTree();
    expect(errors).toEqual([]);
    const sources = applicationSources(builds.flatMap((b) => b.objects));
    const gitPaths = sources.filter((s) => s.path !== undefined).map((s) => s.path);
    expect(gitPaths).toEqual(
      expect.arrayContaining(['apps/main/overlays/lab', 'rollouts/analysis', 'apps/namespaces']),
    );
    expect(sources.some((s) => s.chart === 'argo-rollouts')).toBe(true);
    expect(applicationProblems(REPO_ROOT, labConfig.git.repoURL, sources, new Set(dirs))).toEqual([]);
  });

  it('fails a missing path, a path without a kustomization, an unpinned chart and a missing values file', () => {
    const repo = labConfig.git.repoURL;
    const problems = applicationProblems(
      REPO_ROOT,
      repo,
      [
        { app: 'a', repoURL: repo, path: 'apps/nope/overlays/lab', valueFiles: [] },
        { app: 'b', repoURL: repo, path: 'apps/main', valueFiles: [] },
        {
          app: 'c',
          repoURL: 'https://charts.example',
          chart: 'x',
          targetRevision: '2.*',
          valueFiles: ['$values/platform/none.yaml'],
        },
      ],
      new Set(['apps/main/overlays/lab']),
    );
    expect(problems).toEqual([
      'Application a: path apps/nope/overlays/lab does not exist',
      'Application b: path apps/main has no buildable kustomization',
      'Application c: chart x is not pinned to an exact version (2.*)',
      'Application c: values file platform/none.yaml does not exist',
    ]);
  });
});
