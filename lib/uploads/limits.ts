// Size limits of the forms that carry files, in one place: the browser checks them before sending, the server again,
// and a body larger than the server actions accept is turned away by proxy.ts with the same French message in the page.

/** One proof (parking card without consent). */
export const maxProofBytes = 2 * 1024 * 1024;
/** A PDF sent to /verifier for comparison (e-Guichet's documents are a few tens of kilobytes). */
export const maxVerifiedPdfBytes = 1024 * 1024;
/** What a server action may receive; beyond, proxy.ts answers before Next.js reads the body (and would fail with a 500). */
export const actionBodyLimitBytes = 25 * 1024 * 1024;
/** next.config.ts's `serverActions.bodySizeLimit`, in its own notation. */
export const actionBodyLimit = '25mb';

/** The query parameter proxy.ts adds when it turns a too-large form away. */
export const tooLargeParam = 'envoi-trop-gros';

/** The same words in the browser's check and the server's. */
export const proofTooLarge = (name: string) => `Le fichier « ${name} » dépasse 2 Mo. Réduisez-le (une photo moins grande, un PDF d’une page).`;
export const verifiedPdfTooLarge = 'Le fichier dépasse 1 Mo : ce n’est pas un document e-Guichet.';
