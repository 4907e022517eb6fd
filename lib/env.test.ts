import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

describe('the platform’s address', () => {
  it('is the site’s when the platform has no process of its own', () => {
    const env = readEnv({ PORT: '3000', EGUICHET_URL: 'http://192.168.1.20:3000/' });
    expect(env.platformPort).toBeUndefined();
    expect(env.platformUrl).toBe('http://192.168.1.20:3000');
  });

  it('is the site’s host on the platform’s port, or the address given for it', () => {
    expect(readEnv({ PORT: '3000', EGUICHET_URL: 'http://192.168.1.20:3000', EGUICHET_PLATFORM_PORT: '3001' })).toMatchObject({
      platformPort: 3001,
      platformUrl: 'http://192.168.1.20:3001',
    });
    expect(readEnv({ PORT: '8080', EGUICHET_PLATFORM_PORT: '8081' }).platformUrl).toBe('http://localhost:8081');
    const proxied = readEnv({ EGUICHET_URL: 'https://guichet.lycee.test', EGUICHET_PLATFORM_PORT: '3001', EGUICHET_PLATFORM_URL: 'https://plateforme.lycee.test/' });
    expect(proxied.platformUrl).toBe('https://plateforme.lycee.test');
  });

  it('refuses a platform port that is the site’s, or no port at all, in French', () => {
    expect(() => readEnv({ PORT: '3000', EGUICHET_PLATFORM_PORT: '3000' })).toThrow(/EGUICHET_PLATFORM_PORT\u00a0: doit différer de PORT/);
    expect(() => readEnv({ EGUICHET_PLATFORM_PORT: 'trois' })).toThrow(/Configuration invalide[\s\S]*EGUICHET_PLATFORM_PORT/);
  });
});
