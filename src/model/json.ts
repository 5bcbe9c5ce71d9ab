/** JSON (de)serialisation of the model, with a version check like pandoc-api-version. */
import { MODEL_VERSION, type Document } from './nodes.js';

/** Stable, pretty JSON of a document (key order is the construction order). */
export function toJson(document: Document): string {
  return JSON.stringify(document, null, 2) + '\n';
}

/**
 * Parse a document written by `toJson`. Refuses a different major model version
 * rather than misreading it.
 */
export function fromJson(json: string): Document {
  const value = JSON.parse(json) as Partial<Document>;
  if (value === null || typeof value !== 'object' || value.type !== 'document') {
    throw new Error('not a clausewright document: the top-level "type" must be "document"');
  }
  const major = (v: string | undefined) => (v ?? '').split('.')[0];
  if (major(value.modelVersion) !== major(MODEL_VERSION)) {
    throw new Error(
      `unsupported model version ${String(value.modelVersion)}; this build reads ${MODEL_VERSION}`,
    );
  }
  return value as Document;
}
