import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { env } from './env';

// Secrets created on first start in the git-ignored data folder, then kept:
// restarting the server keeps sessions valid and signatures verifiable.

const privateJwk = z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), d: z.string(), x: z.string(), y: z.string() });
export type PrivateJwk = z.infer<typeof privateJwk>;

const secretsSchema = z.object({
  authSecret: z.string().min(32),
  idpSigningKeys: z.object({ franceconnect: privateJwk, proconnect: privateJwk }),
  oidcClientSecrets: z.object({ franceconnect: z.string().min(32), proconnect: z.string().min(32) }),
});
export type Secrets = z.infer<typeof secretsSchema>;

const randomSecret = () => crypto.randomBytes(32).toString('base64url');

function newSigningKey(): PrivateJwk {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateJwk.parse(privateKey.export({ format: 'jwk' }));
}

function createSecrets(): Secrets {
  return {
    authSecret: randomSecret(),
    idpSigningKeys: { franceconnect: newSigningKey(), proconnect: newSigningKey() },
    oidcClientSecrets: { franceconnect: randomSecret(), proconnect: randomSecret() },
  };
}

export function secretsFile(dataDir: string): string {
  return path.join(dataDir, 'secrets.json');
}

/** Reads the secrets, creating them atomically on first use (two processes starting together agree). */
export function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = secretsFile(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, JSON.stringify(createSecrets(), null, 2), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file); // fails if another process created it first: theirs wins
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  return secretsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

const holder = globalThis as typeof globalThis & { __eguichetSecrets?: Secrets };

export function secrets(): Secrets {
  holder.__eguichetSecrets ??= loadOrCreateSecrets(env().dataDir);
  return holder.__eguichetSecrets;
}
