/** Same input and date → the same bytes: across runs, and across time zones (child processes). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { ROOT } from './dist.js';
import { bilingualSample, sample } from './sample.js';

const SCRIPT = `
const { writeDocx } = await import(process.argv[1]);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { bytes } = writeDocx(JSON.parse(input), { date: '2026-01-01' });
process.stdout.write(Buffer.from(bytes).toString('base64'));
`;

describe('writeDocx determinism', () => {

  it('should write byte-identical files for equal input', () => {
    for (const d of [sample('zh'), sample('en'), bilingualSample()]) {
      expect(Buffer.from(writeDocx(d).bytes).equals(Buffer.from(writeDocx(structuredClone(d)).bytes))).toBe(true);
    }
  });

  it('should change only with the date', () => {
    const a = writeDocx(sample('en'), { date: '2026-01-01' }).bytes;
    const b = writeDocx(sample('en'), { date: '2026-01-02' }).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('should write the same bytes in every time zone', () => {
    const d = bilingualSample();
    const expected = Buffer.from(writeDocx(d, { date: '2026-01-01' }).bytes).toString('base64');
    const module = pathToFileURL(join(ROOT, 'dist/writers/docx/index.js')).href;
    for (const TZ of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, module], {
        input: JSON.stringify(d),
        env: { ...process.env, TZ },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(child.stderr, TZ).toBe('');
      expect(child.stdout === expected, `bytes differ under TZ=${TZ}`).toBe(true);
    }
  });
});
