import type { ReactNode } from 'react';
import type { IdeaLine } from '@/lib/ideas';
import { countOf } from '@/lib/format';
import { procedures } from '@/lib/procedures/registry';

/** One idea of the ideas box, as the class and the teacher see it (never its author); `children`: what one may do. */
export function IdeaCard({ idea, retainedLabel, children }: { idea: IdeaLine; retainedLabel: string; children?: ReactNode }) {
  return (
    <li className={idea.retained ? 'ideas__idea ideas__idea--retained' : 'ideas__idea'}>
      <p className="hint">{procedures[idea.procedure].title}</p>
      <p>{idea.text}</p>
      <p>
        <strong>{countOf(idea.votes, 'vote', 'votes')}</strong>
        {idea.retained && <span className="badge"> {retainedLabel}</span>}
      </p>
      {children}
    </li>
  );
}
