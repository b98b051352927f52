import { badRequest } from './errors.js';

/** A keyset page cursor: the last row's sort key and id, opaque to the client. */
export const encodeCursor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString('base64url');

/** The sort key and id a cursor carries; 400 `invalid_cursor` for anything else. */
export function decodeCursor(cursor: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof key === 'string' && typeof id === 'string') return { key, id };
  } catch {
    /* answered below */
  }
  throw badRequest('invalid_cursor', 'This page cursor is not valid');
}
