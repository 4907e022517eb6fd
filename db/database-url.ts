// Which engine a process uses, read from its environment alone (scripts/serve.ts reads it without loading the drivers).

/** The PostgreSQL server to use, if any: EGUICHET_DATABASE_URL, else DATABASE_URL, when it is a postgres:// URL. */
export function databaseUrl(source: NodeJS.ProcessEnv = process.env): string | null {
  const url = source.EGUICHET_DATABASE_URL ?? source.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}
