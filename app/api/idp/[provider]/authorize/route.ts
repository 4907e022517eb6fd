import { authorize } from '@/lib/auth/idp/provider';
import { idpContext, idpRoute, idpSessionCookie, readCookie } from '@/lib/auth/idp/http';
import { errorPage } from '@/lib/auth/idp/error-page';
import { deviceCookieName, deviceHashOfCookie } from '@/lib/classroom/device-cookie';

export const dynamic = 'force-dynamic';

export const GET = idpRoute(async (request, provider) => {
  const { db, issuerBase } = idpContext();
  const params = new URL(request.url).searchParams;
  // The device cookie: the séance this device joined, whose people the page then offers (`whoseSession`).
  const device = deviceHashOfCookie(readCookie(request, deviceCookieName));
  const outcome = await authorize(db, provider, params, readCookie(request, idpSessionCookie(provider)), issuerBase, device);
  switch (outcome.kind) {
    case 'error-page':
      return errorPage(provider, outcome.status, outcome.message);
    case 'redirect':
      return new Response(null, { status: 303, headers: { Location: outcome.location } });
    case 'interaction':
      return new Response(null, { status: 303, headers: { Location: `${issuerBase}/identite/${provider}?interaction=${outcome.interactionId}` } });
  }
});
