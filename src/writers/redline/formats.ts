/** The redline output formats, apart so the CLI can list them without loading the writers. */
export const REDLINE_FORMATS = ['json', 'md', 'html', 'docx'] as const;
export type RedlineFormat = (typeof REDLINE_FORMATS)[number];
