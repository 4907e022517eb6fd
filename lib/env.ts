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
});

export type Env = {
  port: number;
  baseUrl: string;
  dataDir: string;
  dbPath: string;
  teacherEmail: string;
  teacherPassword: string | undefined;
};

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
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
    dataDir,
    dbPath,
    teacherEmail: value.EGUICHET_TEACHER_EMAIL,
    teacherPassword: value.EGUICHET_TEACHER_PASSWORD,
  };
}

let cached: Env | undefined;
/** The environment of this process (read on first use: build steps never need it). */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}
