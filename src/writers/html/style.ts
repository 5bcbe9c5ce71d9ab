/**
 * The stylesheet of standalone HTML pages. Chinese falls back through common
 * CJK serif fonts on Windows, macOS and Linux before the generic family.
 */
export const STYLE = `
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --accent: #234a8a; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fafafa;
  font: 16px/1.7 "Charter", "Georgia", "Noto Serif", "Times New Roman", serif; }
:lang(zh) { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "WenQuanYi Micro Hei", serif; line-height: 1.85; }
main { max-width: 52rem; margin: 0 auto; padding: 3rem 2rem 5rem; background: #fff; box-shadow: 0 0 0 1px var(--rule); }
main.bilingual { max-width: 84rem; }
h1 { font-size: 1.7rem; text-align: center; margin: 0 0 .25rem; }
.stamp { text-align: center; color: var(--muted); font-size: .9rem; margin-bottom: 2rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
p { margin: .45rem 0; }
:lang(zh) p { text-align: justify; }
.signatures p, .parties p { text-align: left; }
.num { font-weight: 600; margin-right: .25em; color: var(--accent); }
.sub { margin-left: 0; }
ol.items { list-style: none; padding-left: 2.2em; margin: .3rem 0; }
ol.items > li > .label { display: inline-block; min-width: 2.2em; margin-left: -2.2em; }
dfn { font-style: normal; font-weight: 700; }
a.xref { color: var(--accent); text-decoration: none; border-bottom: 1px dotted var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid var(--rule); padding: .4rem .6rem; vertical-align: top; text-align: left; }
td.merged { border-top-color: transparent; }
th { background: #f2f3f5; }
.parties p { margin: .2rem 0; }
.parallel { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; border-top: 1px solid var(--rule); }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; margin-top: 2rem; }
.signatures .line { border-bottom: 1px solid var(--ink); height: 2rem; }
@media print { body { background: #fff; } main { box-shadow: none; } }
@media (max-width: 50rem) { .parallel, .signatures { grid-template-columns: 1fr; } }
`;
