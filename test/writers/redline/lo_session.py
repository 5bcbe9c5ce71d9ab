"""What the LibreOffice test scripts share: a connection to a running soffice
and UNO property values. Imported by libreoffice-resolve.py and
libreoffice-annotate.py (Python puts a script's own folder on its path)."""
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(port):
    """The component context of the soffice listening on PORT, waiting up to 20 s for it to start."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    for _ in range(100):
        try:
            return resolver.resolve(f'uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext')
        except Exception:
            time.sleep(0.2)
    raise SystemExit('cannot connect to soffice')
