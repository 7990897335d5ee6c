// Public API of the service kit (see README.md).
import './logging/express-request';

export { baseConfigSchema, type BaseConfig } from './config/base-schema';
export { ConfigError, loadConfig, parseConfig } from './config/load-config';
export { kitEndpoints, defaultPorts, serviceNodeFlags } from './contract';
export { HttpProblem, problem, type FieldError, type ProblemOptions } from './errors/http-problem';
export { parseInput, fieldErrors } from './errors/parse-input';
export { sendProblem } from './errors/send-problem';
export {
  databaseOutage,
  isDatabaseConnectionError,
  type DatabaseOutageOptions,
  type ErrorMapper,
} from './errors/database-outage';
export { INT4_MAX, idempotencyKeySchema, queryInt, serialIdParam, text, userIdSchema } from './input/schemas';
export { faultSettingsSchema, type FaultSettings } from './faults/fault-settings';
export type { FaultState } from './faults/fault-state';
export type { CheckResult, ReadinessCheck, ReadinessCheckOptions } from './health/readiness';
export { redisReadinessCheck, type PingableRedis } from './health/redis-check';
export type { Logger } from './logging/logger';
export {
  logConnectionState,
  type ConnectionEvents,
  type ConnectionMessages,
} from './logging/connection-state';
export { routeLabel, unmatchedRoute } from './metrics/route-label';
export {
  Decimal,
  fitsMoneyColumn,
  formatMoney,
  lineTotal,
  MONEY_MAX,
  moneyProblem,
  moneySchema,
  sumMoney,
} from './money/money';
export { traceHeaders } from './tracing/outgoing-headers';
export { createService, type ListeningAddresses, type Service, type ServiceOptions } from './service';
