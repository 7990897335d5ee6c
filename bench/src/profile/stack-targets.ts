import type { ProfileTarget } from './profile-target.js';

/** Our services under load (filled in once services/stack lands). */
export function stackTargets(): ProfileTarget[] {
  return [];
}
