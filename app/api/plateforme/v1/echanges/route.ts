import { answerExchangeCall } from '@/lib/platform/exchange-endpoint';
import { toResponse } from '@/lib/platform/http';

export const dynamic = 'force-dynamic';

/**
 * A body asks another body's data through the platform (docs/API.md, "Exchanges"). `npm start` answers this address
 * before Next sees it (scripts/worker.ts); this route answers it under `next dev`. Same handler.
 */
export async function POST(request: Request) {
  return toResponse(await answerExchangeCall({ header: (name) => request.headers.get(name), text: () => request.text() }));
}
