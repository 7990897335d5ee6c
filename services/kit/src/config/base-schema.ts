import { z } from 'zod';
import { defaultPorts } from '../contract';

const port = z.coerce.number().int().min(0).max(65535);
const millis = z.coerce.number().int().min(0);

/** Environment every service reads; services `.extend()` it with their own variables. */
export const baseConfigSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(defaultPorts.http),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_DRAIN_MS: millis.default(10_000),
  READINESS_TIMEOUT_MS: millis.min(1).default(2_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  FAULT_LATENCY_MS: millis.max(120_000).default(0),
  FAULT_ERROR_RATE: z.coerce.number().min(0).max(1).default(0),
  FAULT_ERROR_STATUS: z.coerce.number().int().min(400).max(599).default(500),
  FAULT_ROUTES: z.string().min(1).default('*'),
  FAULT_READINESS_FAIL: z.stringbool().default(false),
  FAULT_ADMIN_ENABLED: z.stringbool().default(false),
  ADMIN_PORT: port.default(defaultPorts.admin),
});

export type BaseConfig = z.output<typeof baseConfigSchema>;
