import type { ReactNode } from 'react';

/**
 * Every page of a séance (issue 17): one tab per job — the live view that fits one screen, the students, messages,
 * faults, settings, the bodies' tokens and accounts, the debrief. Each page draws the tabs with its own marked
 * (session-bar.tsx): a layout stays put when one moves between tabs, so it could only mark the current tab with
 * client code.
 */
export default function SessionLayout({ children }: { children: ReactNode }) {
  return <div className="session">{children}</div>;
}
