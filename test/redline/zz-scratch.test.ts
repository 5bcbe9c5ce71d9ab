import { it } from 'vitest';
import { redline } from '../../src/redline/redline.js';
import { redlineString } from '../../src/redline/redline-string.js';
import { acceptAll, rejectAll } from '../../src/redline/apply.js';
import { doc, part, clause, p } from '../../src/model/build.js';
it('scratch', () => {
  const ours = doc('en', [part('b', [
    clause('a', [p('The old text is here.')], { heading: ['Fees'], number: '1' }),
    clause('b', [p('Second clause text that stays the same forever.')], { heading: ['Term'], number: '2' }),
    clause('c', [p('Third clause text that moves somewhere else later.')], { heading: ['Moves'], number: '3' }),
    clause('d', [p('您必须年满13岁才能创建帐户。在注册过程中，系统将提示您设置密码。')], { heading: ['帐户'], number: '4' }),
  ])]);
  const theirs = doc('en', [part('b', [
    clause('x', [p('A brand new clause was inserted here.')], { heading: ['New'], number: '1' }),
    clause('a', [p('The new text is here.')], { heading: ['Fees'], number: '2' }),
    clause('c', [p('Third clause text that moves somewhere else later.')], { heading: ['Moves'], number: '3' }),
    clause('b', [p('Second clause text that stays the same forever.')], { heading: ['Term'], number: '4' }),
    clause('d', [p('您必须年满 16 岁才能创建帐户。在注册过程中，系统将提示您设置一个强密码。')], { heading: ['帐户'], number: '5' }),
  ])]);
  const r = redline(ours, theirs);
  console.log(redlineString(r, { labels: true }));
  console.log(JSON.stringify(r.summary));
  console.log(acceptAll(r), rejectAll(r));
});
