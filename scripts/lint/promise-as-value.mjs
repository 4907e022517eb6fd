// A promise read as if it were its value: `expect(rows())` (without .resolves), `Object.values(rows())`,
// `JSON.stringify(rows())`. The type checker lets it through, and the assertion then checks a promise, not the rows.
import { isThenableType } from 'ts-api-utils';

const watched = new Set(['expect', 'expect.soft', 'Object.keys', 'Object.values', 'Object.entries', 'JSON.stringify', 'Array.from']);

function nameOf(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier') return `${callee.object.name}.${callee.property.name}`;
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'A promise given where its value is meant' },
    messages: { promise: '{{name}} is given a promise, not its value: add await (or .resolves for expect).' },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services.program.getTypeChecker();
    return {
      CallExpression(node) {
        const name = nameOf(node.callee);
        const [first] = node.arguments;
        if (!name || !watched.has(name) || !first || first.type === 'SpreadElement') return;
        const chained = node.parent.type === 'MemberExpression' && node.parent.object === node ? node.parent.property.name : null;
        if (name.startsWith('expect') && (chained === 'resolves' || chained === 'rejects')) return;
        if (isThenableType(checker, services.esTreeNodeToTSNodeMap.get(first))) context.report({ node: first, messageId: 'promise', data: { name } });
      },
    };
  },
};
