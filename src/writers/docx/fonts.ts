/**
 * Fonts: a Latin font for English and an East Asian font for Chinese runs.
 *
 * Word picks the font slot per character (w:rFonts ascii/hAnsi/eastAsia,
 * ECMA-376 §17.3.2.26); Chinese runs also carry w:hint="eastAsia" so shared
 * punctuation such as “ ” is drawn full-width from the Chinese font.
 * fontTable.xml (§17.8.3) names fall-backs: w:altName and the panose/charset
 * let Word and LibreOffice substitute Noto Serif CJK SC (or any installed CJK
 * serif) where SimSun is missing. The `docx` package's fontTable.xml lists
 * only embedded fonts and has no such fall-backs, so this part stays ours.
 */
import { XML_DECLARATION, W_NS } from './xml.js';

export const LATIN_FONT = 'Times New Roman';
export const EAST_ASIAN_FONT = 'SimSun';
/** Second choice for Chinese, named in the font table and the theme-free defaults. */
export const EAST_ASIAN_FALLBACK = 'Noto Serif CJK SC';

export const FONT_TABLE_XML =
  XML_DECLARATION +
  `<w:fonts xmlns:w="${W_NS}">` +
  `<w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
  // altName "宋体" is SimSun's Chinese name; Word on Chinese systems matches either.
  `<w:font w:name="${EAST_ASIAN_FONT}"><w:altName w:val="宋体"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
  `<w:font w:name="${EAST_ASIAN_FALLBACK}"><w:altName w:val="Noto Serif SC"/><w:panose1 w:val="02020400000000000000"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
  `</w:fonts>`;
