import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers';
import { actionBodyLimit } from './lib/uploads/limits';

// The Content-Security-Policy (with a nonce per request) and HSTS are set by proxy.ts; these hold for every response.

const nextConfig: NextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // Three proofs of 2 Mo each fit easily; larger files still reach the form's own check (French error beside the
  // field, typed values kept), and proxy.ts turns away anything beyond this before Next.js reads it.
  // proxy.ts buffers request bodies up to proxyClientMaxBodySize (10 Mo by default) and would cut a larger one short.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: actionBodyLimit }, proxyClientMaxBodySize: actionBodyLimit },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
