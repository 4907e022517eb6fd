export type Role = 'citoyen' | 'agent' | 'aidant' | 'enseignant';

/** What the signed session cookie carries: who, through which provider. Everything else is read from the database. */
export type SessionUser = { role: Role; subject: string; provider: string; idToken?: string };
