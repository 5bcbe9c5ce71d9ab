/** A small agreement in zh, en and zh+en, built with the model builders. */
import { clause, def, doc, em, item, list, p, part, ref, strong, table, use } from '../../../src/model/build.js';
import type { Document, DocumentMeta, Provenance } from '../../../src/model/nodes.js';

export const provenance: Provenance = {
  generator: 'clausewright 0.1.0',
  playbook: { id: 'aigc-user-agreement', version: '0.1.0', hash: 'sha256:' + 'a'.repeat(64) },
  clauses: [
    { id: 'definitions', version: '1.0.0', variant: 'user-agreement', hash: 'sha256:' + 'b'.repeat(64) },
    { id: 'output-ownership', version: '1.2.0', variant: 'user-owned-platform-licence', hash: 'sha256:' + 'c'.repeat(64) },
    { id: 'governing-law', version: '1.0.0', variant: 'prc-court', hash: 'sha256:' + 'd'.repeat(64) },
  ],
  dataHash: 'sha256:' + 'e'.repeat(64),
};

function meta(lang: 'zh' | 'en'): Partial<DocumentMeta> {
  const zh = lang === 'zh';
  return {
    title: zh ? '生成式人工智能服务用户协议' : 'Generative AI Service User Agreement',
    version: '0.1.0',
    date: '2026-01-01',
    parties: [
      {
        id: 'platform',
        term: zh ? '平台' : 'Platform',
        name: zh ? '北京智绘科技有限公司' : 'Beijing Zhihui Technology Co., Ltd.',
        details: [{ label: zh ? '地址' : 'Address', value: zh ? '北京市海淀区中关村大街1号' : '1 Zhongguancun Street, Haidian, Beijing' }],
      },
      { id: 'user', term: zh ? '用户' : 'User' },
    ],
    keyTerms: [
      { name: 'service_name', label: zh ? '服务名称' : 'Service name', value: zh ? '智绘' : 'Zhihui' },
      { name: 'effective_date', label: zh ? '生效日期' : 'Effective date', value: zh ? '2026年1月1日' : '1 January 2026' },
    ],
    signatures: true,
    provenance,
  };
}

export function sample(lang: 'zh' | 'en'): Document {
  const zh = lang === 'zh';
  const T = (zhText: string, enText: string): string => (zh ? zhText : enText);
  return doc(
    lang,
    [
      part(
        'terms',
        [
          clause('definitions', [p(def(T('生成内容', 'Output')), T('指用户通过本服务获得的文本、图片等内容。', ' means text, images and other content the User obtains through the Service.'))], {
            heading: [T('定义', 'Definitions')],
            number: '1',
          }),
          clause('output-ownership', [], {
            heading: [T('生成内容的权利归属', 'Ownership of Output')],
            number: '2',
            clauses: [
              clause('output-ownership#1', [p(T('用户', 'The User'), T('拥有', ' owns all '), use(T('生成内容', 'Output')), T('。', '.'))], { number: '2.1' }),
              {
                ...clause(
                  'output-ownership#licence',
                  [
                    p(T('用户授予平台以下许可：', 'The User grants the Platform a licence to:')),
                    list([
                      { ...item(T('展示；', 'display it;')), label: '(a)' },
                      { ...item(p(T('宣传推广，包括：', 'promote the Service, including:')), list([{ ...item(T('社交媒体', 'social media')), label: '(i)' }])), label: '(b)', anchor: 'promotion' },
                    ]),
                  ],
                  { number: '2.2' },
                ),
              },
            ],
          }),
          clause(
            'liability',
            [
              p(strong(T('平台不对生成内容的准确性承担责任', 'THE PLATFORM IS NOT LIABLE FOR THE ACCURACY OF OUTPUT')), T('，但', ', except as set out in '), ref('output-ownership#licence', T('第2.2条', 'Clause 2.2')), T('及', ' and '), ref('output-ownership#promotion', T('第2.2(b)条', 'Clause 2.2(b)')), T('另有约定的除外。', '.')),
              table([[T('事项', 'Matter'), T('上限', 'Cap')], [T('直接损失', 'Direct loss'), em('100%')]], true),
            ],
            { heading: [T('责任限制', 'Limitation of liability')], number: '3' },
          ),
          clause('governing-law', [p(T('本协议适用中华人民共和国法律 & <法规>。参见', 'PRC law governs this Agreement & <regulations>. See '), ref('definitions', T('第1条', 'Clause 1')), T('。', '.'))], {
            heading: [T('适用法律', 'Governing law')],
            number: '4',
          }),
        ],
        { title: [T('条款', 'Terms')] },
      ),
    ],
    meta(lang),
  );
}

export function bilingualSample(): Document {
  return { ...sample('zh'), translations: [sample('en')] };
}
