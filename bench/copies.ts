// A page's body as a tree of elements the trivial app renders again (bench/trivial/app/copie/[page]): the same markup
// without e-Guichet's data, sign-in or logic, i.e. what Next and React alone spend on a page that size.
import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser';

export type CopyNode = string | [tag: string, props: Record<string, string | boolean>, ...children: CopyNode[]];

// HTML attribute → React prop, where they differ (the ones e-Guichet's pages use, and their neighbours).
const propNames: Record<string, string> = {
  class: 'className',
  for: 'htmlFor',
  tabindex: 'tabIndex',
  datetime: 'dateTime',
  readonly: 'readOnly',
  maxlength: 'maxLength',
  minlength: 'minLength',
  autocomplete: 'autoComplete',
  inputmode: 'inputMode',
  enctype: 'encType',
  novalidate: 'noValidate',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  crossorigin: 'crossOrigin',
  spellcheck: 'spellCheck',
  autofocus: 'autoFocus',
  'accept-charset': 'acceptCharset',
  srcset: 'srcSet',
  'stroke-width': 'strokeWidth',
  'stroke-linecap': 'strokeLinecap',
  'stroke-linejoin': 'strokeLinejoin',
  'fill-rule': 'fillRule',
  'clip-rule': 'clipRule',
};
const booleans = new Set(['hidden', 'open', 'disabled', 'required', 'multiple', 'readOnly', 'noValidate', 'autoFocus', 'selected', 'defaultChecked', 'download']);
// What React renders outside the body, or Next itself inside it (its scripts), is left to the trivial app.
const skipped = new Set(['script', 'template', 'link', 'style', 'noscript']);

function propsOf(element: HTMLElement): Record<string, string | boolean> {
  const props: Record<string, string | boolean> = {};
  const tag = element.rawTagName.toLowerCase();
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === 'style') continue; // none in e-Guichet's pages (its CSP allows no inline style)
    let prop = propNames[name] ?? name;
    // A form's fields as React renders them uncontrolled.
    if (prop === 'value' && (tag === 'input' || tag === 'select')) prop = 'defaultValue';
    if (prop === 'checked') prop = 'defaultChecked';
    props[prop] = booleans.has(prop) ? true : value;
  }
  return props;
}

function copyOf(node: Node): CopyNode | null {
  if (node.nodeType === NodeType.TEXT_NODE) return node.text === '' ? null : node.text;
  if (node.nodeType !== NodeType.ELEMENT_NODE) return null;
  const element = node as HTMLElement;
  const tag = element.rawTagName;
  if (skipped.has(tag.toLowerCase())) return null;
  const props = propsOf(element);
  if (tag.toLowerCase() === 'textarea') return [tag, { ...props, defaultValue: element.text }];
  const children = element.childNodes.map(copyOf).filter((c): c is CopyNode => c !== null);
  return [tag, props, ...children];
}

/** The children of a page's `<body>`, as the trivial app's copy route renders them. */
export function bodyCopy(html: string): CopyNode[] {
  const body = parse(html, { comment: false }).querySelector('body');
  if (!body) throw new Error('Pas de <body> dans la page copiée.');
  return body.childNodes.map(copyOf).filter((c): c is CopyNode => c !== null);
}

/** How many elements a copy holds (said beside its measure). */
export function elementCount(nodes: CopyNode[]): number {
  return nodes.reduce<number>((n, node) => (typeof node === 'string' ? n : n + 1 + elementCount(node.slice(2) as CopyNode[])), 0);
}
