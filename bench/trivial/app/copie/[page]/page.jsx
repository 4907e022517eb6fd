// The same markup as one of e-Guichet's pages, without its data, its sign-in or its logic: what Next and React spend on
// that much markup, the floor under that page. bench/run.ts writes each page's body as a tree of elements (copies.ts)
// into BENCH_COPIES_DIR once the class has run; rendered on each request, as the trivial page is.
import fs from 'node:fs';
import path from 'node:path';
import { createElement, Fragment } from 'react';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import Link from './link';

// Read once per process (a bench fixture: the files do not change while it is served).
const trees = new Map();
function treeOf(name) {
  if (!/^[a-z0-9-]+$/.test(name)) return null;
  if (!trees.has(name)) {
    const file = path.join(process.env.BENCH_COPIES_DIR ?? '', `${name}.json`);
    trees.set(name, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
  }
  return trees.get(name);
}

// A node is a string (text) or [tag, props, ...children]; an internal link is a client component, as e-Guichet's are.
function render(node) {
  if (typeof node === 'string') return node;
  const [tag, props, ...children] = node;
  const type = tag === 'a' && typeof props.href === 'string' && props.href.startsWith('/') && !('download' in props) ? Link : tag;
  return createElement(type, props, ...children.map(render));
}

export default async function Copy({ params }) {
  await headers();
  const tree = treeOf((await params).page);
  if (!tree) notFound();
  return createElement(Fragment, null, ...tree.map(render));
}
