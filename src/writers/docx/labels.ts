/**
 * Fixed captions the writer adds around the model's own text (cover page,
 * signature block, header and footer), in each language we write.
 * Anything not Chinese gets the English captions.
 */

/** A caption piece: literal text, or a Word field whose value Word computes. */
export type CaptionPiece = string | { field: 'PAGE' | 'NUMPAGES' };

export interface Captions {
  parties: string;
  keyTerms: string;
  signatures: string;
  version: string;
  /** "Page X of Y" with the two numbers as fields. */
  pageOfPages: CaptionPiece[];
  /** Text around a party's defined term after its name: name + before + “Term” + after. */
  partyTermBefore: string;
  partyTermAfter: string;
  signature: string;
  signatoryName: string;
  signatoryTitle: string;
  date: string;
  /** Separator between a label and its value: "：" in Chinese, ": " in English. */
  colon: string;
  /** Quotes around a defined term where it is defined. */
  openQuote: string;
  closeQuote: string;
}

const PAGE = { field: 'PAGE' } as const;
const NUMPAGES = { field: 'NUMPAGES' } as const;

const ZH: Captions = {
  parties: '合同各方',
  keyTerms: '主要条款',
  signatures: '签署',
  version: '版本',
  pageOfPages: ['第 ', PAGE, ' 页，共 ', NUMPAGES, ' 页'],
  partyTermBefore: '（以下简称',
  partyTermAfter: '）',
  signature: '签字（盖章）',
  signatoryName: '姓名',
  signatoryTitle: '职务',
  date: '日期',
  colon: '：',
  openQuote: '“',
  closeQuote: '”',
};

const EN: Captions = {
  parties: 'Parties',
  keyTerms: 'Key Terms',
  signatures: 'Signatures',
  version: 'Version',
  pageOfPages: ['Page ', PAGE, ' of ', NUMPAGES],
  partyTermBefore: ' (the ',
  partyTermAfter: ')',
  signature: 'Signature',
  signatoryName: 'Name',
  signatoryTitle: 'Title',
  date: 'Date',
  colon: ': ',
  openQuote: '“',
  closeQuote: '”',
};

export function isChinese(lang: string): boolean {
  return lang === 'zh' || lang.startsWith('zh-');
}

export function captionsFor(lang: string): Captions {
  return isChinese(lang) ? ZH : EN;
}
