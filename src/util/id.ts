/** Ids are UUIDs, created once and kept across export, import and merge (REFI-QDA GUIDs). */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
