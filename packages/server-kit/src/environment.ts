/**
 * The variables that are set to something. An empty variable means "not set": docker compose
 * passes `${NAME:-}` as an empty string, and a setting left empty in `.env` must take its default.
 */
export function setVariables(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
