"""Add a reviewer's comment to a DOCX in LibreOffice and save it as DOCX, as a
counterparty's office suite would.

Usage: /usr/bin/python3 libreoffice-annotate.py PORT IN.docx OUT.docx WORDS AUTHOR TEXT
The comment goes on the first occurrence of WORDS. Needs a running
`soffice --headless --accept=socket,host=127.0.0.1,port=PORT;urp;`.
Used by libreoffice.test.ts, so the DOCX reader meets comments as another
office suite writes them, not only as our own fixtures do.
"""
import sys

import uno

from lo_session import connect, prop


def main():
    port, source, target, words, author, text = sys.argv[1:7]
    ctx = connect(port)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), '_blank', 0, (prop('Hidden', True),))
    search = doc.createSearchDescriptor()
    search.SearchString = words
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit(f'"{words}" not found in {source}')
    note = doc.createInstance('com.sun.star.text.textfield.Annotation')
    note.Author = author
    note.Content = text
    found.getText().insertTextContent(found, note, True)
    doc.storeToURL(uno.systemPathToFileUrl(target), (prop('FilterName', 'MS Word 2007 XML'),))
    doc.close(True)


main()
