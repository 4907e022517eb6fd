import path from 'node:path';
import { z } from 'zod';

// Environment read once, validated with zod. Every setting has a default so that
// `npm start` works on a fresh machine with no configuration at all.
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EGUICHET_URL: z.url().optional(),
  EGUICHET_DATA_DIR: z.string().min(1).optional(),
  EGUICHET_DB: z.string().min(1).optional(),
  EGUICHET_TEACHER_EMAIL: z.email().default('enseignant@e-guichet.test'),
  EGUICHET_TEACHER_PASSWORD: z.string().min(8).optional(),
  // The platform's exchange endpoint in a process of its own, on this port (docs/ARCHITECTURE.md, "Growing beyond one
  // machine"); its public address when a reverse proxy stands in front.
  EGUICHET_PLATFORM_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  EGUICHET_PLATFORM_URL: z.url().optional(),
}).refine((value) => value.EGUICHET_PLATFORM_PORT !== value.PORT, { path: ['EGUICHET_PLATFORM_PORT'], message: 'doit différer de PORT' });

export type Env = {
  port: number;
  baseUrl: string;
  /** Where the bodies' systems call the platform's API: its own process's port when it has one, else the site's. */
  platformUrl: string;
  platformPort: number | undefined;
  dataDir: string;
  dbPath: string;
  teacherEmail: string;
  teacherPassword: string | undefined;
};

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join('.')} : ${issue.message}`);
    throw new Error(`Configuration invalide :\n${lines.join('\n')}`);
  }
  const value = parsed.data;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ value.EGUICHET_DATA_DIR ?? 'data');
  const dbPath = value.EGUICHET_DB === ':memory:' ? ':memory:' : path.resolve(/*turbopackIgnore: true*/ value.EGUICHET_DB ?? path.join(dataDir, 'e-guichet.sqlite'));
  const baseUrl = (value.EGUICHET_URL ?? source.NEXTAUTH_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, '');
  return {
    port: value.PORT,
    baseUrl,
    platformUrl: (value.EGUICHET_PLATFORM_URL ?? (value.EGUICHET_PLATFORM_PORT ? withPort(baseUrl, value.EGUICHET_PLATFORM_PORT) : baseUrl)).replace(/\/+$/, ''),
    platformPort: value.EGUICHET_PLATFORM_PORT,
    dataDir,
    dbPath,
    teacherEmail: value.EGUICHET_TEACHER_EMAIL,
    teacherPassword: value.EGUICHET_TEACHER_PASSWORD,
  };
}

/** The same address on another port (`http://localhost:3000` → `http://localhost:3001`). */
function withPort(url: string, port: number): string {
  const address = new URL(url);
  address.port = String(port);
  return address.origin + address.pathname.replace(/\/+$/, '');
}

let cached: Env | undefined;
/** The environment of this process (read on first use: build steps never need it). */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
