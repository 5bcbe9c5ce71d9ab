"""Accept or reject every tracked change of DOCX files in LibreOffice and print
their paragraph texts as JSON (one table row = cells joined by a tab).

Usage: /usr/bin/python3 libreoffice-resolve.py PORT accept|reject FILE...
A FILE written as looks:PATH prints, instead of texts, each body paragraph's (and table row's)
bold, italic, underlined, highlighted and coloured stretches as "b:text" / "bu:text" /
"hFFFF00:text" / "cC00000:text"… lists (under the
key looks:PATH); links:PATH each paragraph's hyperlinks as "URL:text" lists;
comments:PATH each comment as "author|text|the words it is on", sorted;
fields:PATH each body paragraph's fields (LibreOffice's name for each kind);
headers:PATH the header and footer the body's first page style shows.
One run per mode: each run is a new connection to soffice.
Needs a running `soffice --headless --accept=socket,host=127.0.0.1,port=PORT;urp;`.
An independent oracle for the redline invariant (issue 4), used by the opt-in
test libreoffice.test.ts.
"""
import json
import sys

import uno

from lo_session import connect, prop


def roman(n):
    out = ''
    for value, numeral in ((1000, 'm'), (900, 'cm'), (500, 'd'), (400, 'cd'), (100, 'c'), (90, 'xc'), (50, 'l'), (40, 'xl'), (10, 'x'), (9, 'ix'), (5, 'v'), (4, 'iv'), (1, 'i')):
        while n >= value:
            out += numeral
            n -= value
    return out


def texts(doc):
    """Paragraph texts as clausewright's DOCX reader gives them: a note reference as "[1]"
    (an endnote's as "[i]"), counted in order, and the notes after the body as "[1] text"."""
    out = []
    notes = []
    counts = {'footnote': 0, 'endnote': 0}

    def paragraph_text(el):
        text = ''
        for portion in portions(el):
            if portion.TextPortionType == 'Footnote':
                note = portion.Footnote
                kind = 'endnote' if note.supportsService('com.sun.star.text.Endnote') else 'footnote'
                counts[kind] += 1
                label = '[%s]' % (counts[kind] if kind == 'footnote' else roman(counts[kind]))
                notes.append((label + ' ' + note.getString()).strip())
                text += label
            else:
                text += portion.getString()
        return text

    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService('com.sun.star.text.TextTable'):
            rows = el.getRows().getCount()
            for r in range(rows):
                cells = []
                for name in el.getCellNames():
                    if name.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ') == str(r + 1):
                        cells.append(el.getCellByName(name).getString())
                out.append('\t'.join(cells))
        else:
            out.append(paragraph_text(el))
    return out + notes


def body_paragraphs(doc):
    """The body's paragraphs, tables left out."""
    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if not el.supportsService('com.sun.star.text.TextTable'):
            yield el


def portions(paragraph):
    enum = paragraph.createEnumeration()
    while enum.hasMoreElements():
        yield enum.nextElement()


def looks(doc):
    """Each body paragraph's formatted stretches; a table row's, its cells' in order, as one list."""
    from com.sun.star.awt.FontWeight import BOLD
    from com.sun.star.awt.FontSlant import ITALIC
    from com.sun.star.awt.FontUnderline import NONE
    from com.sun.star.awt.FontStrikeout import NONE as NO_STRIKE
    styles = doc.StyleFamilies.getByName('ParagraphStyles')

    def marks(el):
        base = styles.getByName(el.ParaStyleName).CharHeight
        found = []
        for portion in portions(el):
            text = portion.getString().strip()
            look = ('b' if portion.CharWeight >= BOLD else '') + ('i' if portion.CharPosture == ITALIC else '') + ('u' if portion.CharUnderline != NONE else '') + ('x' if portion.CharStrikeout != NO_STRIKE else '')
            # -1 is none (automatic colour); black prints as automatic does, as our readers take it.
            highlight = portion.CharHighlight & 0xFFFFFF if portion.CharHighlight != -1 else None
            color = portion.CharColor & 0xFFFFFF if portion.CharColor != -1 else None
            look += ('h%06X' % highlight if highlight is not None else '') + ('c%06X' % color if color not in (None, 0) else '')
            # A size counts where it differs from the paragraph style's, as our reader takes it.
            if abs(portion.CharHeight - base) > 0.01:
                look += 's%g' % portion.CharHeight
            if text and look:
                found.append(look + ':' + text)
        return found

    out = []
    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if not el.supportsService('com.sun.star.text.TextTable'):
            out.append(marks(el))
            continue
        for r in range(el.getRows().getCount()):
            row = []
            for name in el.getCellNames():
                if name.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ') != str(r + 1):
                    continue
                cell = el.getCellByName(name).getText().createEnumeration()
                while cell.hasMoreElements():
                    row += marks(cell.nextElement())
            out.append(row)
    return out


def links(doc):
    out = []
    for el in body_paragraphs(doc):
        found = []  # [url, text] with neighbouring portions of one link joined
        for portion in portions(el):
            url = portion.HyperLinkURL
            if url and found and found[-1][0] == url:
                found[-1][1] += portion.getString()
            elif url:
                found.append([url, portion.getString()])
        out.append([url + ':' + text.strip() for url, text in found])
    return out


def fields(doc):
    """Each body paragraph's fields as their kinds, in order: a field LibreOffice knows
    is a TextField portion, one it keeps as Word wrote it a field mark (TextFieldStart)."""
    out = []
    for el in body_paragraphs(doc):
        found = []
        for portion in portions(el):
            if portion.TextPortionType == 'TextField':
                found.append(portion.TextField.getPresentation(True))
            elif portion.TextPortionType == 'TextFieldStart':
                found.append(portion.Bookmark.getFieldType())
        out.append(found)
    return out


def comments(doc):
    out = []
    enum = doc.getTextFields().createEnumeration()
    while enum.hasMoreElements():
        field = enum.nextElement()
        if field.supportsService('com.sun.star.text.textfield.Annotation'):
            out.append(field.Author + '|' + field.Content + '|' + field.getAnchor().getString() + ('|resolved' if field.Resolved else ''))
    return sorted(out)


def headers(doc):
    """The header and footer of the page style the body starts with, as "header:…" and
    "footer:…", their paragraphs with words joined by " / " (a page number shows as LibreOffice
    numbers the page)."""
    first = next(body_paragraphs(doc))
    style = doc.StyleFamilies.getByName('PageStyles').getByName(first.PageStyleName)
    out = []
    for kind, on, text in (('header', 'HeaderIsOn', 'HeaderText'), ('footer', 'FooterIsOn', 'FooterText')):
        if getattr(style, on):
            lines = [line.strip() for line in getattr(style, text).getString().splitlines()]
            out.append(kind + ':' + ' / '.join(line for line in lines if line))
    return out


def main():
    port, mode, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    ctx = connect(port)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    dispatcher = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
    result = {}
    command = '.uno:AcceptAllTrackedChanges' if mode == 'accept' else '.uno:RejectAllTrackedChanges'
    for f in files:
        kind, _, rest = f.partition(':') if f.startswith(('looks:', 'links:', 'comments:', 'fields:', 'headers:')) else ('texts', '', f)
        path = rest
        print(f'{mode}: {path}', file=sys.stderr, flush=True)  # names the file if LibreOffice dies on it
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), '_blank', 0, (prop('Hidden', True),))
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())
        result[f] = {'looks': looks, 'links': links, 'comments': comments, 'fields': fields, 'headers': headers, 'texts': texts}[kind](doc)
        doc.close(True)
    print(json.dumps(result, ensure_ascii=False))


main()
