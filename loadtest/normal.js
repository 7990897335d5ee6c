// Seed scenario "normal load": 100 virtual users for 10 minutes.
import { journey, stages, summary, thresholds } from './journey.js';

export const options = {
  scenarios: { normal: { executor: 'ramping-vus', startVUs: 0, stages: stages('1m', 100, '10m', '30s') } },
  thresholds,
};

export default journey;
export const handleSummary = (data) => summary('normal', data);
