/** The assembly output formats, apart so the CLI can list them without loading the writers. */
export const FORMATS = ['md', 'html', 'json', 'docx'] as const;
export type Format = (typeof FORMATS)[number];
