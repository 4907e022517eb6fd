import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { accessibilityStatement, type StatementItem } from '@/lib/accessibility-statement';

export const metadata: Metadata = { title: 'Déclaration d’accessibilité' };

function Item({ item }: { item: StatementItem }) {
  if (typeof item === 'string') return <>{item}</>;
  const [before, after] = item.text.split(item.link.label);
  return (
    <>
      {before}
      <Link href={item.link.href}>{item.link.label}</Link>
      {after}
    </>
  );
}

/** The accessibility statement, in the shape of the RGAA model (lib/accessibility-statement.ts). */
export default function AccessibilityStatement() {
  const { lead, sections, date } = accessibilityStatement;
  return (
    <>
      <h1>Déclaration d’accessibilité</h1>
      <p className="lead">{lead}</p>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id}>{section.title}</h2>
          {section.list ? (
            <ul>
              {section.items.map((item, i) => (
                <li key={i}>
                  <Item item={item} />
                </li>
              ))}
            </ul>
          ) : (
            section.items.map((item, i) => (
              <p key={i}>
                <Item item={item} />
              </p>
            ))
          )}
        </section>
      ))}
      <p className="hint">{date}</p>
    </>
  );
}
