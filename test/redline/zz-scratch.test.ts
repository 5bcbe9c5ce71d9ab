import { it } from 'vitest';
import { redline } from '../../src/redline/redline.js';
import { redlineString } from '../../src/redline/redline-string.js';
import { corpusPairs, loadCorpus } from './corpus-pairs.js';
it('scratch', () => {
  for (const pair of corpusPairs()) {
    if (!/WC-1100|WC-1170|WC-1180|WC-1190|WC-1400|WC-1360|WC-1380|WC-1850|WC-1330|WC-1970/.test(pair.id)) continue;
    const r = redline(loadCorpus(pair.ours), loadCorpus(pair.theirs));
    console.log(pair.id, pair.note, '\n   ', redlineString(r, { labels: true }).slice(0, 700));
  }
});
