// cmark, the CommonMark reference parser in C.
#include <cmark.h>
