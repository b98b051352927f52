export interface IdempotencyKeysTable {
  user_id: number;
  key: string;
  request_hash: string;
  status: number;
  /** The answer's JSON, deflated (a Buffer); plain text in rows from before compression. */
  response: string | Buffer;
  created_at: string;
}
