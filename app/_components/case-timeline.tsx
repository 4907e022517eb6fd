import type { caseEvents } from '@/db/schema';
import { stateLabels } from '@/lib/procedures/engine/state-machine';
import { formatDateTimeSeconds } from '@/lib/format';


/** A case's history as the citizen and the agent both read it: who did what, when, with their words. */
export function CaseTimeline({ events }: { events: (typeof caseEvents.$inferSelect)[] }) {
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at.toISOString()}>{formatDateTimeSeconds(e.at)}</time> — {e.actorLabel} :{' '}
          {e.kind === 'transition' ? <strong>{stateLabels[e.toState ?? 'brouillon']}</strong> : e.kind === 'message' ? 'message' : 'information'}
          {e.text && <> — « {e.text} »</>}
        </li>
      ))}
    </ol>
  );
}
