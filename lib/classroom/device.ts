import 'server-only';
import { cookies } from 'next/headers';
import { env } from '../env';
import { retentionDays } from './sessions';
import { deviceHash, newDeviceSecret } from './participants';

// The device cookie: how a student who closes the tab gets their role back on the same device.
const name = 'eguichet_appareil';

/** The hash of this device's cookie, or null if it has none yet. */
export async function currentDeviceHash(): Promise<string | null> {
  const value = (await cookies()).get(name)?.value;
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? deviceHash(value) : null;
}

/** The device's hash, giving it a cookie first if needed (server actions and route handlers only). */
export async function ensureDeviceHash(): Promise<string> {
  const existing = await currentDeviceHash();
  if (existing) return existing;
  const secret = newDeviceSecret();
  (await cookies()).set(name, secret, { httpOnly: true, sameSite: 'lax', secure: env().baseUrl.startsWith('https:'), path: '/', maxAge: retentionDays * 86_400 });
  return deviceHash(secret);
}
