'use client';
// An internal link as a client component: e-Guichet's links are one (app/_components/link.tsx).
export default function Link(props) {
  return <a {...props} />;
}
