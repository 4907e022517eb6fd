import type { RateLimit } from '@/lib/rate-limit';

/**
 * Wrong join codes per client address. A whole class often shares one address (the school's), so the limit is on
 * failures only and leaves room for typos; guessing one of 31⁶ codes at this pace would take years.
 */
export const joinLimit: RateLimit = { limit: 30, windowMs: 10 * 60_000 };
