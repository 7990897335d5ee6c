import { z } from 'zod';
import type { BaseConfig } from '../config/base-schema';

/** Body of `PUT /faults` (omitted fields are off) and answer of `GET /faults`. */
export const faultSettingsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  errorRate: z.number().min(0).max(1).default(0),
  errorStatus: z.number().int().min(400).max(599).default(500),
  routes: z.array(z.string().min(1).max(200)).min(1).max(50).default(['*']),
  readinessFail: z.boolean().default(false),
});

export type FaultSettings = z.output<typeof faultSettingsSchema>;

export const noFaults: FaultSettings = faultSettingsSchema.parse({});

export function faultSettingsFromConfig(config: BaseConfig): FaultSettings {
  return {
    latencyMs: config.FAULT_LATENCY_MS,
    errorRate: config.FAULT_ERROR_RATE,
    errorStatus: config.FAULT_ERROR_STATUS,
    routes: config.FAULT_ROUTES.split(',')
      .map((route) => route.trim())
      .filter((route) => route !== ''),
    readinessFail: config.FAULT_READINESS_FAIL,
  };
}
