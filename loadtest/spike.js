// Seed scenario "spike": 500 virtual users for 2 minutes, reached in 10 seconds.
import { journey, stages, summary, thresholds } from './journey.js';

export const options = {
  scenarios: { spike: { executor: 'ramping-vus', startVUs: 0, stages: stages('10s', 500, '2m', '10s') } },
  thresholds,
};

export default journey;
export const handleSummary = (data) => summary('spike', data);
