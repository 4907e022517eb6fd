import type { ReactNode } from 'react';
import { AssistantPanel } from '@/app/_components/assistant-panel';

/** Every page of this space ends with "Une question ?" (the assistant). */
export default function SpaceLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <AssistantPanel />
    </>
  );
}
