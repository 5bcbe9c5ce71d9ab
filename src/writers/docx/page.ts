/**
 * Page geometry in twips (1/1440 in): A4, as PRC agreements are printed, with
 * 2 cm side margins so a bilingual table gets two usable columns.
 */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
export const MARGIN_TOP = 1440;
export const MARGIN_BOTTOM = 1440;
export const MARGIN_SIDE = 1134;
export const HEADER_DISTANCE = 567;
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE;

/** w:sectPr (§17.6.17): page size, margins, and the default header and footer. */
export function sectionXml(headerRel: string, footerRel: string): string {
  return (
    `<w:sectPr><w:headerReference w:type="default" r:id="${headerRel}"/><w:footerReference w:type="default" r:id="${footerRel}"/>` +
    `<w:pgSz w:w="${PAGE_WIDTH}" w:h="${PAGE_HEIGHT}"/>` +
    `<w:pgMar w:top="${MARGIN_TOP}" w:right="${MARGIN_SIDE}" w:bottom="${MARGIN_BOTTOM}" w:left="${MARGIN_SIDE}" w:header="${HEADER_DISTANCE}" w:footer="${HEADER_DISTANCE}" w:gutter="0"/>` +
    // No w:type on docGrid: CJK lines are not snapped to a character grid.
    '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}
