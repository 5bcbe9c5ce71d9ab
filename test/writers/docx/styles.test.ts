/** word/styles.xml comes from the `docx` package: every style the body uses, nothing clock- or random-dependent. */
import { describe, expect, it } from 'vitest';
import { EAST_ASIAN_FONT, LATIN_FONT } from '../../../src/writers/docx/fonts.js';
import { STYLE, STYLES_XML, packStyles } from '../../../src/writers/docx/styles.js';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { attrs, findAll, kids, nameOf, parseXml, readDocx, type XmlNode } from './read-docx.js';
import { bilingualSample, sample } from './sample.js';

const styles = parseXml(STYLES_XML);
const styleNodes = findAll(styles, 'w:style');
const byId = new Map(styleNodes.map((s) => [attrs(s)['w:styleId']!, s]));
const child = (node: XmlNode, name: string): XmlNode | undefined => findAll(kids(node), name)[0];

describe('house styles from the docx package', () => {
  it('should be the part every document carries', () => {
    const { parts } = readDocx(writeDocx(sample('en')).bytes);
    expect(parts['word/styles.xml']).toBe(STYLES_XML);
  });

  it('should pack to the same XML again, with no dates, rsids or generated ids', async () => {
    expect(await packStyles()).toBe(STYLES_XML);
    expect(STYLES_XML).not.toMatch(/\d{4}-\d{2}-\d{2}T|w:rsid|w14:paraId|[0-9a-f]{8}-[0-9a-f]{4}-|\{[0-9A-F-]{36}\}/i);
  });

  it('should define exactly the writer’s styles, each id once', () => {
    const ids = styleNodes.map((s) => attrs(s)['w:styleId']);
    expect(new Set(ids).size).toBe(ids.length);
    const ours = Object.values(STYLE).flat();
    expect([...ids].sort()).toEqual([...ours, 'DefaultParagraphFont', 'TableNormal', 'NoList'].sort());
  });

  it('should define every style document.xml, header and footer refer to', () => {
    for (const d of [sample('zh'), sample('en'), bilingualSample()]) {
      const { parts } = readDocx(writeDocx(d).bytes);
      for (const part of ['word/document.xml', 'word/header1.xml', 'word/footer1.xml']) {
        const xml = parseXml(parts[part]!);
        for (const [ref, type] of [['w:pStyle', 'paragraph'], ['w:rStyle', 'character'], ['w:tblStyle', 'table']] as const) {
          for (const node of findAll(xml, ref)) {
            const id = attrs(node)['w:val']!;
            expect(byId.has(id), `${part} ${ref} ${id}`).toBe(true);
            expect(attrs(byId.get(id)!)['w:type'], id).toBe(type);
          }
        }
      }
    }
  });

  it('should keep Word’s built-in names, outline levels and defaults', () => {
    STYLE.heading.forEach((id, i) => {
      const h = byId.get(id)!;
      expect(attrs(child(h, 'w:name')!)['w:val']).toBe(`heading ${i + 1}`);
      expect(attrs(findAll([h], 'w:outlineLvl')[0]!)['w:val']).toBe(String(i));
    });
    for (const id of ['Normal', 'DefaultParagraphFont', 'TableNormal', 'NoList']) expect(attrs(byId.get(id)!)['w:default'], id).toBe('1');
    expect(styleNodes.filter((s) => attrs(s)['w:default'] !== undefined)).toHaveLength(4);
    const fonts = attrs(findAll(findAll(styles, 'w:docDefaults'), 'w:rFonts')[0]!);
    expect(fonts).toMatchObject({ 'w:ascii': LATIN_FONT, 'w:hAnsi': LATIN_FONT, 'w:eastAsia': EAST_ASIAN_FONT });
    expect(findAll([byId.get(STYLE.clauseBody)!], 'w:ind').map(attrs)).toEqual([{ 'w:left': '720' }]);
    expect(nameOf(child(byId.get(STYLE.definedTerm)!, 'w:rPr')!)).toBe('w:rPr');
  });
});
