import 'server-only';
import crypto from 'node:crypto';
import { cookies } from 'next/headers';
import { secrets } from '../secrets';
import { env } from '../env';
import { retentionDays } from './sessions';
import { deviceHash, newDeviceSecret } from './participants';
import { deviceCookieName, deviceHashOfCookie } from './device-cookie';

// The device cookie: how a student who closes the tab gets their role back on the same device.
const name = deviceCookieName;

/** The hash of this device's cookie, or null if it has none yet. */
export async function currentDeviceHash(): Promise<string | null> {
  return deviceHashOfCookie((await cookies()).get(name)?.value);
}

/**
 * The device's hash, giving it a cookie first if needed (server actions and route handlers only). A device without a
 * cookie that sends the join form twice (double-click: two requests, neither has the cookie yet) must be one device:
 * its secret is then derived from the form's key, so both requests are the same student.
 */
export async function ensureDeviceHash(formKey: string | null = null): Promise<string> {
  const existing = await currentDeviceHash();
  if (existing) return existing;
  const secret = formKey ? crypto.createHmac('sha256', secrets().authSecret).update(`appareil:${formKey}`).digest('base64url') : newDeviceSecret();
  (await cookies()).set(name, secret, { httpOnly: true, sameSite: 'lax', secure: env().baseUrl.startsWith('https:'), path: '/', maxAge: retentionDays * 86_400 });
  return deviceHash(secret);
}
