// Seeded contract pairs for the redline benchmark (issue 4): Markdown
// agreements with numbered clause headings, paragraphs and (a)/(b) lists; the
// counterparty version has ~2% token edits, a few moved paragraphs and a
// clause inserted near the start, so every later clause number shifts.

/** mulberry32: small, fast, seedable. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = `agreement party parties customer provider service services fees payment invoice term terminate termination notice days written
consent confidential information data personal law laws applicable obligation obligations right rights license licence use content output
model training liability damages indemnify warranty warranties representations breach material reasonable efforts including without limitation
may shall will must not any all each other such this that which under within after before upon prior subject the a an of to in for on by with
as or and be is are has have its their our your platform user users generated artificial intelligence security incident report remedy cure
period effective date renewal charges taxes costs expenses audit records access suspend restrict delete retain return dispute court arbitration
governing jurisdiction assignment subcontract affiliate employee contractor third intellectual property ownership deliverable acceptance`.split(/\s+/);

const ZH = `本协议 双方 用户 平台 服务 费用 支付 发票 期限 终止 通知 书面 同意 保密 信息 数据 个人信息 法律 法规 义务 权利 许可 使用 内容 生成
模型 训练 责任 损失 赔偿 保证 陈述 违约 重大 合理 努力 包括 但不限于 可以 应当 不得 任何 所有 其他 该等 根据 在 之内 之后 之前 经 的 和 或 及
人工智能 安全 事件 报告 补救 纠正 生效 日期 续期 税费 成本 审计 记录 访问 暂停 限制 删除 保留 返还 争议 法院 仲裁 管辖 转让 分包 关联方 员工
知识产权 所有权 交付物 验收 标识 算法 备案 未成年人 投诉 举报 处理 期间 要求 提供 确保 遵守 相关 规定 承担 第三方 因此 造成`.split(/\s+/);

const CN_NUM = '零一二三四五六七八九';
function chineseNumber(n) {
  if (n < 10) return CN_NUM[n];
  if (n < 20) return '十' + (n % 10 ? CN_NUM[n % 10] : '');
  if (n < 100) return CN_NUM[Math.floor(n / 10)] + '十' + (n % 10 ? CN_NUM[n % 10] : '');
  const [unit, size] = n < 1000 ? ['百', 100] : ['千', 1000];
  const rest = n % size;
  const tail = rest === 0 ? '' : rest < size / 10 ? '零' + chineseNumber(rest) : chineseNumber(rest).replace(/^十/, '一十');
  return CN_NUM[Math.floor(n / size)] + unit + tail;
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

/** A sentence as an array of tokens (words for English, dictionary words for Chinese). */
function sentence(rnd, lang) {
  const words = lang === 'en' ? EN : ZH;
  const n = lang === 'en' ? 10 + Math.floor(rnd() * 16) : 8 + Math.floor(rnd() * 14);
  return Array.from({ length: n }, () => pick(rnd, words));
}

function paragraph(rnd, lang) {
  return Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => sentence(rnd, lang));
}

function clause(rnd, lang, serial) {
  const heading = [pick(rnd, lang === 'en' ? EN : ZH), pick(rnd, lang === 'en' ? EN : ZH), lang === 'en' ? `S${serial}` : `第${serial}项`];
  const paras = Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => ({ list: rnd() < 0.2, sentences: paragraph(rnd, lang) }));
  return { heading, paras };
}

/** Structured agreement of roughly `size` words (en) or characters (zh). */
export function generate(lang, size, seed) {
  const rnd = random(seed);
  const clauses = [];
  let count = 0;
  while (count < size) {
    const c = clause(rnd, lang, clauses.length + 1);
    for (const p of c.paras) for (const s of p.sentences) count += lang === 'en' ? s.length : s.join('').length;
    clauses.push(c);
  }
  return clauses;
}

/** The counterparty's version: token edits, moved paragraphs, one clause inserted near the start. */
export function counterparty(clauses, lang, seed, rate = 0.02) {
  const rnd = random(seed);
  const words = lang === 'en' ? EN : ZH;
  const out = structuredClone(clauses);
  for (const c of out) {
    for (const p of c.paras) {
      p.sentences = p.sentences.map((s) => {
        const edited = [];
        for (const w of s) {
          const r = rnd();
          if (r < rate / 2) edited.push(pick(rnd, words));
          else if (r < (rate * 3) / 4) continue;
          else if (r < rate) edited.push(w, pick(rnd, words));
          else edited.push(w);
        }
        return edited.length ? edited : s;
      });
    }
  }
  for (let k = 0; k < 4; k++) {
    const from = out[Math.floor(rnd() * out.length)];
    const to = out[Math.floor(rnd() * out.length)];
    if (from.paras.length > 1) to.paras.splice(Math.floor(rnd() * to.paras.length), 0, from.paras.splice(Math.floor(rnd() * from.paras.length), 1)[0]);
  }
  out.splice(1, 0, clause(random(seed + 1), lang, 'new'));
  return out;
}

/** Markdown text; clause numbers come from positions, as a drafter's would. */
export function render(clauses, lang) {
  const join = (s) => (lang === 'en' ? s.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.' : s.join('') + '。');
  const lines = [lang === 'en' ? '# Master Services Agreement' : '# 主服务协议', ''];
  clauses.forEach((c, i) => {
    const head = lang === 'en' ? `## ${i + 1}. ${c.heading.join(' ')}` : `## 第${chineseNumber(i + 1)}条 ${c.heading.join('')}`;
    lines.push(head, '');
    let item = 0;
    for (const p of c.paras) {
      const text = p.sentences.map(join).join(lang === 'en' ? ' ' : '');
      if (p.list) lines.push(`(${String.fromCharCode(97 + (item++ % 26))}) ${text}`, '');
      else {
        item = 0;
        lines.push(text, '');
      }
    }
  });
  return lines.join('\n');
}
