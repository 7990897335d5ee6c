// Seed scenario "soak": 50 virtual users for 1 hour.
import { journey, stages, summary, thresholds } from './journey.js';

export const options = {
  scenarios: { soak: { executor: 'ramping-vus', startVUs: 0, stages: stages('2m', 50, '1h', '1m') } },
  thresholds,
};

export default journey;
export const handleSummary = (data) => summary('soak', data);
