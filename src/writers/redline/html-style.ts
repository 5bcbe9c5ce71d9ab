/** Stylesheet of the redline HTML page: readable in a browser, CJK fonts before generic families. */
export const REDLINE_CSS = `
:root { --ink:#1d1d1f; --muted:#5f6368; --rule:#d9d9de; --ins:#0b6e2f; --ins-bg:#e3f5e8; --del:#a4161a; --del-bg:#fde8e8; --move:#5b3fa6; --move-bg:#efeafb; }
* { box-sizing: border-box; }
body { margin:0; color:var(--ink); background:#f4f4f6;
  font:16px/1.7 "Charter","Georgia","Noto Serif","Times New Roman","Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun",serif; }
:lang(zh) body, body:lang(zh) { font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif; line-height:1.85; }
main { max-width:54rem; margin:0 auto; padding:2.5rem 2rem 5rem; background:#fff; box-shadow:0 0 0 1px var(--rule); }
h1 { font-size:1.6rem; margin:0 0 .3rem; }
.sides { color:var(--muted); margin:0 0 1.5rem; font-size:.95rem; }
table.summary { border-collapse:collapse; margin:0 0 1rem; font-size:.95rem; }
table.summary th, table.summary td { border:1px solid var(--rule); padding:.3rem .8rem; text-align:right; }
table.summary th { background:#f2f3f5; text-align:left; font-weight:600; }
.legend { font-size:.85rem; color:var(--muted); margin-bottom:2rem; }
.legend span { margin-right:1rem; }
.coarse { background:#fff6d6; border:1px solid #e8d27a; padding:.5rem .8rem; font-size:.9rem; }
.notes { background:#fff6d6; border:1px solid #e8d27a; padding:.3rem .8rem; font-size:.9rem; margin:1rem 0; } .notes h2 { font-size:1rem; margin:.4rem 0; } .notes ul { margin:.2rem 0 .5rem; padding-left:1.2rem; }
.headers-footers { border:1px solid #ccc; padding:.3rem .8rem; margin:1rem 0; } .headers-footers h2 { font-size:1rem; margin:.4rem 0; } .headers-footers dt { font-size:.85rem; color:#555; } .headers-footers dd { margin:0 0 .5rem; }
section.clause { position:relative; padding:.2rem 0 .2rem 1rem; border-left:3px solid transparent; margin:.3rem 0; }
section.changed { border-left-color:#c9a227; }
section.added { border-left-color:var(--ins); }
section.deleted { border-left-color:var(--del); }
section.moved { border-left-color:var(--move); }
.badge { float:right; font:600 .7rem/1.6 system-ui,sans-serif; text-transform:uppercase; letter-spacing:.04em; padding:0 .5em; border-radius:.6em; color:#fff; }
.badge.changed { background:#9c7c12; } .badge.added { background:var(--ins); } .badge.deleted { background:var(--del); } .badge.moved { background:var(--move); }
h2, h3, h4 { margin:1.2rem 0 .4rem; line-height:1.35; }
h2 { font-size:1.2rem; } h3 { font-size:1.05rem; } h4 { font-size:1rem; }
p { margin:.4rem 0; }
.num { color:var(--muted); font-weight:600; margin-right:.5em; }
.was { color:var(--muted); font-size:.75em; font-weight:400; margin-left:.3em; }
.label { display:inline-block; min-width:2.2em; color:var(--muted); }
ins { color:var(--ins); background:var(--ins-bg); text-decoration:underline; text-decoration-thickness:1px; }
del { color:var(--del); background:var(--del-bg); text-decoration:line-through; }
.move-from { color:var(--move); background:var(--move-bg); text-decoration:line-through double; }
.move-to { background:var(--move-bg); }
.restyled { background:#fff3c4; border-bottom:2px dotted #9c7c12; font-weight:400; font-style:normal; cursor:help; }
.move-note { font:600 .75rem system-ui,sans-serif; color:var(--move); margin-left:.4em; text-decoration:none; }
table.rows { border-collapse:collapse; width:100%; margin:.6rem 0; }
table.rows td { border:1px solid var(--rule); padding:.3rem .5rem; vertical-align:top; }
table.rows td.merged { border-top-color:transparent; }
tr.row-ins td { background:var(--ins-bg); } tr.row-del td { background:var(--del-bg); }
details.changes { margin:1rem 0 1.4rem; font:.9rem/1.5 system-ui,sans-serif; }
details.changes summary { cursor:pointer; font-weight:600; }
details.changes ol { list-style:none; padding-left:0; margin:.4rem 0 0; columns:2 22rem; }
details.changes li { break-inside:avoid; margin:.1rem 0; }
details.changes a { color:inherit; text-decoration:none; } details.changes a:hover { text-decoration:underline; }
details.changes .num { color:var(--muted); } details.changes .badge { float:none; margin-left:.3em; }
aside.comments { margin:.2rem 0 .8rem 1.2rem; font:.85rem/1.5 system-ui,sans-serif; }
p.comment { margin:.3rem 0; padding:.3rem .6rem; border-left:3px solid #8aa4c8; background:#f1f5fb; }
p.comment.ours { border-left-color:#b0b3b8; background:#f5f5f7; }
p.comment .who { font-weight:600; } p.comment .side, p.comment .on { color:var(--muted); }
p.comment .reply { display:block; margin:.3rem 0 0 .8rem; padding-left:.5rem; border-left:2px solid #c9d3e3; }
p.comment .done { color:#2e7d32; font-weight:600; }
p.comment .num, sup.cref a { font:600 .75rem system-ui,sans-serif; color:#3d5f8f; text-decoration:none; }
sup.cref { margin-left:.1em; } .commented { background:#e3ebf7; border-bottom:1px solid #8aa4c8; }
@media print {
  /* A printed redline must still show what was inserted and deleted: keep the colours browsers drop on paper. */
  * { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
  body { background:#fff; } main { max-width:none; padding:0; box-shadow:none; }
  h2, h3, h4 { break-after:avoid; } aside.comments, table.summary, tr { break-inside:avoid; }
}
`;
