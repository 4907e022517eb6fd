import 'server-only';
import { requestSession } from './auth/guards';
import { currentDeviceHash } from './classroom/device';
import type { StreamCaller } from './live-streams';

/** Who asks for a live stream, read through Next's request (the route handlers). */
export const nextStreamCaller: StreamCaller = { session: requestSession, deviceHash: currentDeviceHash };
