import crypto from 'node:crypto';

// Letters and digits that cannot be confused when read aloud or projected (no 0/O, 1/I/L).
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(length = 6): string {
  let code = '';
  for (const byte of crypto.randomBytes(length)) code += alphabet[byte % alphabet.length];
  return code;
}
