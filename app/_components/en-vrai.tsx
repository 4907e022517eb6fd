/** "En vrai": what the real procedure does differently (every procedure page has one). */
export function EnVrai({ paragraphs }: { paragraphs: string[] }) {
  return (
    <aside className="en-vrai" aria-labelledby="en-vrai">
      <h2 id="en-vrai">En vrai</h2>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </aside>
  );
}
