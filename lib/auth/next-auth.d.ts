import type { Role } from './session-user';

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role;
    subject?: string;
    provider?: string;
    idToken?: string;
  }
}

declare module 'next-auth' {
  interface Session {
    role?: Role;
    subject?: string;
  }
}
