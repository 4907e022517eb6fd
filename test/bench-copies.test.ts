import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bodyCopy, elementCount, type CopyNode } from '@/bench/copies';

// As React rendered it for one of our pages: Next's scripts in the body, text split by React's markers, a form.
const body = [
  '<a class="skip-link" href="#contenu">Aller au contenu</a>',
  '<main id="contenu" tabindex="-1" class="page"><h1>Mes données</h1>',
  '<p>Voici les <!-- -->20<!-- --> plus récentes &amp; les autres.</p>',
  '<details open=""><summary>Une question ?</summary>',
  '<form action="/x" method="post"><label for="q">Votre question</label>',
  '<textarea id="q" name="q" maxlength="500" required="">Bonjour</textarea>',
  '<input type="hidden" name="cle" value="abc"/><input type="checkbox" name="ok" checked=""/>',
  '<button type="submit" disabled="">Demander</button></form></details>',
  '<time dateTime="2026-12-05T16:26:38.978Z">5 décembre 2026</time>',
  '<a href="/recus/1" download="">Télécharger</a>',
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M1 1" stroke-width="2" fill="none"></path></svg></main>',
  '<script>self.__next_f.push([1,""])</script><template data-x="1"></template>',
].join('');
const html = `<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body>${body}</body></html>`;

const render = (nodes: CopyNode[]) => renderToStaticMarkup(nodes.map(toElement));
function toElement(node: CopyNode, key: number): ReturnType<typeof createElement> | string {
  if (typeof node === 'string') return node;
  const [tag, props, ...children] = node;
  return createElement(tag, { ...props, key }, ...children.map((c, i) => toElement(c, i)));
}

describe('the bench’s copy of a page', () => {
  it('renders again to the markup React served, without Next’s scripts', () => {
    const expected = body.replace(/<!-- -->/g, '').replace(/<script>.*<\/script><template[^>]*><\/template>/, '');
    // React writes a unitless attribute name in its own case (dateTime as datetime is the same attribute in HTML).
    expect(render(bodyCopy(html)).toLowerCase()).toBe(expected.toLowerCase());
  });

  it('gives React its props: class, for, uncontrolled fields, booleans', () => {
    const copy = JSON.stringify(bodyCopy(html));
    for (const prop of ['"className":"page"', '"tabIndex":"-1"', '"htmlFor":"q"', '"maxLength":"500"', '"defaultValue":"Bonjour"', '"defaultValue":"abc"', '"defaultChecked":true', '"open":true', '"download":true', '"strokeWidth":"2"', '"viewBox":"0 0 24 24"']) {
      expect(copy).toContain(prop);
    }
    expect(copy).not.toContain('__next_f');
  });

  it('counts the elements it holds', () => {
    // a, main, h1, p, details, summary, form, label, textarea, input ×2, button, time, a, svg, path
    expect(elementCount(bodyCopy(html))).toBe(16);
  });
});
