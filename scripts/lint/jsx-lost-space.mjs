// A space JSX drops: text and an expression or an element on either side of a line break are joined with nothing
// between them, so `par les personnes ;⏎{count} justificatifs` renders « personnes ;1 justificatifs ». HTML would have
// kept a space there, and nothing says whether the join was meant. Write {' '} to keep one, {/* */} to mean none.
// (react/jsx-child-element-spacing checks inline elements only; the slips here were next to an expression.)

const before = /\S[^\S\n]*\n\s*$/; // text, then a line break before the next child
const after = /^\s*\n\s*\S/; // a line break after the previous child, then text
// Characters that are meant to touch what follows or precedes them: « d’{name} », « ({count}) », « {n} % »…
const joinsNext = /[(«\u00a0\u202f/’'[-]$/;
const joinsPrevious = /^[).,…\]»\u00a0\u202f/’'-]/;

/** The strings an expression may render, when they can be read from the code (literals, templates, ternaries). */
function strings(node) {
  if (node.type === 'Literal') return typeof node.value === 'string' ? [node.value] : null;
  if (node.type === 'TemplateLiteral') return [node.quasis.map((q) => q.value.cooked).join('\u0000')]; // \0: an interpolation, not known
  if (node.type === 'ConditionalExpression') {
    const [a, b] = [strings(node.consequent), strings(node.alternate)];
    return a && b ? [...a, ...b] : null;
  }
  return null;
}
/** Whether `child`, on the given side of the text, is a child that JSX would join to it without a space. */
function joins(child, side) {
  if (!child) return false;
  if (child.type === 'JSXElement') return !(child.openingElement.name.type === 'JSXIdentifier' && child.openingElement.name.name === 'br');
  if (child.type !== 'JSXExpressionContainer' || child.expression.type === 'JSXEmptyExpression') return false;
  // What it renders starts (after the text) or ends (before it) with a space or a sign, or is empty: as meant.
  const known = strings(child.expression);
  return !known?.every((s) => s === '' || (side === 'next' ? /^[\s,.;:)…]/ : /[\s(«]$/).test(s));
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Text and an expression or element on either side of a line break, joined without a space' },
    messages: {
      next: 'JSX joins « {{text}} » to the next line with no space: write {\' \'} to keep one, or {/* */} if none is meant.',
      previous: 'JSX joins the previous line to « {{text}} » with no space: write {\' \'} to keep one, or {/* */} if none is meant.',
    },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      const siblings = node.children;
      siblings.forEach((child, i) => {
        if (child.type !== 'JSXText') return;
        const raw = child.raw ?? child.value;
        const trimmed = raw.trim();
        if (before.test(raw) && joins(siblings[i + 1], 'next') && !joinsNext.test(trimmed)) context.report({ node: child, messageId: 'next', data: { text: trimmed.slice(-30) } });
        if (after.test(raw) && joins(siblings[i - 1], 'previous') && !joinsPrevious.test(trimmed)) context.report({ node: child, messageId: 'previous', data: { text: trimmed.slice(0, 30) } });
      });
    };
    return { JSXElement: check, JSXFragment: check };
  },
};
