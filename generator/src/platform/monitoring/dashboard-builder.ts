// A tiny Grafana dashboard builder: typed panels laid out two per row, stable uids, Prometheus datasource.

export interface Target {
  expr: string;
  legend?: string;
}
export interface Panel {
  title: string;
  targets: Target[];
  unit?: string;
  kind?: 'timeseries' | 'stat';
  /** Thresholds [green→yellow, yellow→red] for stats and timeseries. */
  thresholds?: [number, number];
}

const DATASOURCE = { type: 'prometheus', uid: 'prometheus' };
const WIDTH = 12;
const HEIGHT = 8;

function panelJson(panel: Panel, index: number): Record<string, unknown> {
  const steps = [{ color: 'green', value: null }];
  if (panel.thresholds) {
    steps.push(
      { color: 'yellow', value: panel.thresholds[0] } as never,
      { color: 'red', value: panel.thresholds[1] } as never,
    );
  }
  return {
    id: index + 1,
    type: panel.kind ?? 'timeseries',
    title: panel.title,
    datasource: DATASOURCE,
    gridPos: { x: (index % 2) * WIDTH, y: Math.floor(index / 2) * HEIGHT, w: WIDTH, h: HEIGHT },
    fieldConfig: {
      defaults: { unit: panel.unit ?? 'short', thresholds: { mode: 'absolute', steps } },
      overrides: [],
    },
    options: {},
    targets: panel.targets.map((t, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: DATASOURCE,
      expr: t.expr,
      legendFormat: t.legend ?? '__auto',
    })),
  };
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  /** Template variables over a label of `query` (e.g. namespace/service). */
  variables?: { name: string; query: string }[];
}

export function dashboardJson(d: Dashboard): Record<string, unknown> {
  return {
    uid: d.uid,
    title: d.title,
    tags: ['eks-sre-lab'],
    timezone: 'browser',
    schemaVersion: 39,
    version: 1,
    editable: false,
    refresh: '30s',
    time: { from: 'now-1h', to: 'now' },
    templating: {
      list: (d.variables ?? []).map((v) => ({
        name: v.name,
        type: 'query',
        datasource: DATASOURCE,
        query: { query: v.query, refId: 'vars' },
        definition: v.query,
        includeAll: true,
        multi: true,
        current: { text: 'All', value: '$__all' },
        refresh: 2,
      })),
    },
    panels: d.panels.map(panelJson),
  };
}
