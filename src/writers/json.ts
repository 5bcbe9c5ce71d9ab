/** The document model as versioned JSON. */
import { toJson } from '../model/json.js';
import type { Writer } from './types.js';

export const writeJson: Writer = (document) => ({ output: toJson(document), warnings: [] });
