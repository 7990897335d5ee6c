/** Durations of the fault suite; the Jest test uses a short version of the same run. */
export interface ChaosOptions {
  /** How long a killed service stays down before it is restarted (the kubelet's restart delay). */
  downSec: number;
  /** How long Redis stays stopped. */
  redisDownSec: number;
  /** Undisturbed load before the first fault and after each recovery. */
  steadySec: number;
  /** Give up waiting for recovery after this long (then the fault counts as not recovered). */
  recoverTimeoutSec: number;
  /** Concurrent order placers and readers. */
  orderWorkers: number;
  readWorkers: number;
  /** The gateway breaker's reset timeout (the seed's 30 s would dominate a local run). */
  breakerResetMs: number;
  log: (line: string) => void;
}

export const fullChaos: Omit<ChaosOptions, 'log'> = {
  downSec: 5,
  redisDownSec: 20,
  steadySec: 3,
  recoverTimeoutSec: 45,
  orderWorkers: 4,
  readWorkers: 2,
  breakerResetMs: 2_000,
};

export const shortChaos: Omit<ChaosOptions, 'log'> = {
  downSec: 1.5,
  redisDownSec: 2,
  steadySec: 1,
  recoverTimeoutSec: 20,
  orderWorkers: 3,
  readWorkers: 2,
  breakerResetMs: 1_000,
};
