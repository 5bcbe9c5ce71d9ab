/**
 * The few interface words writers print around the contract text (table
 * headers, signature lines). Contract wording itself never lives here.
 */
export interface Labels {
  keyTerms: string; term: string; value: string; parties: string; signature: string;
  signatory: string; seal: string; date: string; version: string; colon: string;
}

const LABELS: Record<'zh' | 'en', Labels> = {
  zh: { keyTerms: '主要条款', term: '项目', value: '内容', parties: '协议各方', signature: '签署', signatory: '授权代表（签字）', seal: '（盖章）', date: '日期', version: '版本', colon: '：' },
  en: { keyTerms: 'Key terms', term: 'Item', value: 'Detail', parties: 'Parties', signature: 'Signatures', signatory: 'Authorised signatory', seal: '(company seal)', date: 'Date', version: 'Version', colon: ': ' },
};

export function labelsFor(lang: string): Labels {
  return lang === 'zh' ? LABELS.zh : LABELS.en;
}

/** Quotation marks around a term where it is defined: “Output” / “生成内容”. */
export function quoteTerm(label: string): string {
  return `\u201C${label}\u201D`;
}
