// Runs once in each server process when it starts (Next.js), in Node.js only: the diagnostics of lib/diagnostics.ts, and
// a first document drawn before the process serves anyone (lib/documents/pdf.ts, warmUpPdf).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  await (await import('./lib/diagnostics')).startDiagnostics();
  await (await import('./lib/documents/pdf')).warmUpPdf();
}
