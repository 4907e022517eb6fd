import crypto from 'node:crypto';

/** A PostgreSQL statement's name, from its text: one name never stands for two statements on a connection. */
export const statementName = (text: string) => `eg_${crypto.createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
