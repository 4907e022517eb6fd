import { deviceHash } from './participants';

// The device cookie (lib/classroom/device.ts): its name and what it stands for, readable outside Next too (the live
// streams served beside it, scripts/worker.ts).
export const deviceCookieName = 'eguichet_appareil';

/** The hash of a device cookie's value, or null when there is none or it is not one of ours. */
export function deviceHashOfCookie(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? deviceHash(value) : null;
}
