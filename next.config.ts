import type { NextConfig } from 'next';
import { securityHeaders } from './lib/http/security-headers';
import { actionBodyLimit } from './lib/uploads/limits';

// The Content-Security-Policy (with a nonce per request) and HSTS are set by proxy.ts; these hold for every response.

const nextConfig: NextConfig = {
  // Loaded by Node from node_modules, once per process, instead of bundled into each layer that uses them: pdf-lib was
  // in three chunks (pages and actions, route handlers, instrumentation.ts), each loaded and warmed on its own.
  serverExternalPackages: ['better-sqlite3', 'pdf-lib', 'qrcode'],
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
