// libxml2's HTML parser: what lxml, and so trafilatura, read pages with. Only the parser and the tree.
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers would pull in an ICU that clashes with the one inside
// Foundation. Nothing here uses libxml2's encoding handlers' ICU fields (pages are converted to UTF-8
// before libxml2 sees them), so the ICU part of its headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

// xmlFree is a global function pointer, which Swift 6 sees as shared mutable state.
static inline void gazette_xml_free(void *p) { xmlFree(p); }

// How deep libxml2 nests elements before it stops reading a page (its default is 256, and the only
// other choice, XML_PARSE_HUGE, lifts every limit and lets misnested pages go quadratic). Called once.
static inline void gazette_xml_set_max_depth(unsigned int depth) { xmlParserMaxDepth = depth; }

// Parses a page from memory with a context of its own, to tell afterwards whether libxml2 stopped
// early (too deep): `*stopped` is set to 1 then.
static inline htmlDocPtr gazette_html_read(const char *bytes, int size, int options, int *stopped) {
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt == NULL) return NULL;
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, bytes, size, NULL, "UTF-8", options);
    // libxml2 halts a parse (too deep, a conversion it cannot make) by turning its callbacks off.
    *stopped = ctxt->disableSAX != 0;
    htmlFreeParserCtxt(ctxt);
    return doc;
}
