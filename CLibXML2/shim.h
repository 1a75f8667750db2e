// libxml2's HTML parser: what lxml, and so trafilatura, read pages with. Only the parser and the tree.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers would pull in an ICU that clashes with the one inside
// Foundation. Nothing here uses libxml2's encoding handlers' ICU fields (pages are converted to UTF-8
// before libxml2 sees them), so the ICU part of its headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>

// xmlFree is a global function pointer, which Swift 6 sees as shared mutable state.
static inline void gazette_xml_free(void *p) { xmlFree(p); }
