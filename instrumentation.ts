// Runs once in each server process when it starts (Next.js): the diagnostics of lib/diagnostics.ts, in Node.js only.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./lib/diagnostics')).startDiagnostics();
}
