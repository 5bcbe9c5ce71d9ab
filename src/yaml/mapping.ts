/** A YAML (or JSON) mapping as parsed: an object that is neither null nor a list. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Given (not null or left out) but not a mapping: a value written where keys belong. */
export function isGivenButNotMapping(value: unknown): boolean {
  return value !== undefined && value !== null && !isMapping(value);
}
