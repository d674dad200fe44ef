import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// @node-rs/argon2 exports its algorithms as a const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm.Argon2id;

/** A new random secret, URL-safe; only its hash is ever stored. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

// Verified when the email is unknown, so that a wrong email costs as long as a wrong password.
const UNKNOWN_USER_HASH = '$argon2id$v=19$m=19456,t=2,p=1$yXZJMfzWRJQxFjQW5PqD1A$ndJ+2eEISlF4DqcFD0zOi7+evlQ6G+uQLYbzMTpbYYw';

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    return (await verify(storedHash ?? UNKNOWN_USER_HASH, password)) && storedHash !== null;
  } catch {
    return false;
  }
}
