'use client';

import { useEffect, useRef, useState } from 'react';
import { useHydrated } from './hydrated';

type State = 'idle' | 'speaking' | 'paused' | 'unavailable';

/** The text a listener needs: the element's text without buttons, hidden parts or the reader itself. */
function readableText(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-lecture-ignore], script, style, button, [hidden], [aria-hidden="true"], .visually-hidden').forEach((n) => n.remove());
  // A detached copy has no layout, so its text runs words together across elements ("rue" + "Par exemple"):
  // a space after every element but the inline ones keeps them apart.
  copy.querySelectorAll(':not(strong, em, b, i, a, abbr, code, time, span:not(.hint))').forEach((el) => el.append(' '));
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Reads an element aloud in French with the device's own voices (Web Speech API): nothing goes over the network.
 * Play, pause / resume, stop; the state is announced politely. Loaded only where it is shown (./read-aloud.tsx).
 */
export default function ReadAloudControls({ targetId, label = 'Écouter la page' }: { targetId: string; label?: string }) {
  const [state, setState] = useState<State>('idle');
  // Rendered on the server too: until its code runs, a click would do nothing, so the button waits (disabled).
  const hydrated = useHydrated();
  const utterance = useRef<SpeechSynthesisUtterance | null>(null);
  useEffect(() => {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) setState('unavailable');
    return () => {
      if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    };
  }, []);
  const start = () => {
    const root = document.getElementById(targetId);
    if (!root) return;
    const synth = window.speechSynthesis;
    synth.cancel();
    const u = new SpeechSynthesisUtterance(readableText(root));
    u.lang = 'fr-FR';
    // A French voice installed on the device, if there is one (local voices work offline).
    const voice = synth.getVoices().find((v) => v.lang.startsWith('fr') && v.localService) ?? synth.getVoices().find((v) => v.lang.startsWith('fr'));
    if (voice) u.voice = voice;
    u.onend = () => setState('idle');
    u.onerror = () => setState('idle');
    utterance.current = u;
    synth.speak(u);
    setState('speaking');
  };
  if (state === 'unavailable') {
    return (
      <p className="read-aloud" data-lecture-ignore>
        La lecture à voix haute n’est pas disponible dans ce navigateur.
      </p>
    );
  }
  return (
    <div className="read-aloud" data-lecture-ignore role="group" aria-label="Lecture à voix haute">
      {state === 'idle' && (
        <button type="button" className="button button--secondary" onClick={start} disabled={!hydrated}>
          {label}
        </button>
      )}
      {state === 'speaking' && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.speechSynthesis.pause();
            setState('paused');
          }}
        >
          Mettre en pause
        </button>
      )}
      {state === 'paused' && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            window.speechSynthesis.resume();
            setState('speaking');
          }}
        >
          Reprendre la lecture
        </button>
      )}
      {state !== 'idle' && (
        <button
          type="button"
          className="button button--link"
          onClick={() => {
            window.speechSynthesis.cancel();
            setState('idle');
          }}
        >
          Arrêter
        </button>
      )}
      <span className="visually-hidden" role="status">
        {state === 'speaking' ? 'Lecture en cours.' : state === 'paused' ? 'Lecture en pause.' : ''}
      </span>
    </div>
  );
}
