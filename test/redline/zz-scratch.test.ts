import { it } from 'vitest';
import { tokenize } from '../../src/redline/tokenize.js';
it('scratch', () => {
for (const s of ['Pay 1,000.50 now.', '您必须年满 13 岁才能创建 Mozilla 帐户。在注册过程中', "Customer's e\u0301te 👍🏽 👨‍👩‍👧 🇨🇳 x\t\ny  z", '']) { const t = tokenize(s); console.log(JSON.stringify(t), t.join('') === s); }
});
