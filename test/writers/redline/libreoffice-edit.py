"""Edit a DOCX in LibreOffice with change tracking on and save it as DOCX, as a
counterparty sends a draft back with its edits tracked.

Usage: /usr/bin/python3 libreoffice-edit.py PORT IN.docx OUT.docx OLD NEW [OLD NEW ...]
Each OLD (its first occurrence) is replaced by NEW; an empty NEW deletes it. An OLD
written header:OLD is looked for in the headers and footers instead of the body.
Needs a running `soffice --headless --accept=socket,host=127.0.0.1,port=PORT;urp;`.
Used by libreoffice.test.ts, so the DOCX reader meets tracked changes as another
office suite writes them, not only as our own fixtures do.
"""
import sys

import uno

from lo_session import connect, prop


def replace_in_margins(doc, old, new):
    """Replace the first occurrence of `old` in any page style's header or footer."""
    styles = doc.StyleFamilies.getByName('PageStyles')
    for name in styles.getElementNames():
        style = styles.getByName(name)
        for on, attr in (('HeaderIsOn', 'HeaderText'), ('FooterIsOn', 'FooterText')):
            if not getattr(style, on):
                continue
            text = getattr(style, attr)
            at = text.getString().find(old)
            if at < 0:
                continue
            cursor = text.createTextCursor()
            cursor.gotoStart(False)
            cursor.goRight(at, False)
            cursor.goRight(len(old), True)
            cursor.setString(new)
            return
    raise SystemExit(f'"{old}" not found in any header or footer')


def main():
    port, source, target = sys.argv[1:4]
    pairs = sys.argv[4:]
    ctx = connect(port)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, (prop('Hidden', True),))
    doc.RecordChanges = True
    for old, new in zip(pairs[0::2], pairs[1::2]):
        if old.startswith('header:'):
            replace_in_margins(doc, old[len('header:'):], new)
            continue
        search = doc.createSearchDescriptor()
        search.SearchString = old
        found = doc.findFirst(search)
        if found is None:
            raise SystemExit(f'"{old}" not found in {source}')
        found.setString(new)
    doc.storeToURL(uno.systemPathToFileUrl(target), (prop('FilterName', 'MS Word 2007 XML'),))
    doc.close(True)


main()
