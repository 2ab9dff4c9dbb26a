#ifndef RRAUDIT_CZLIB_SHIM_H
#define RRAUDIT_CZLIB_SHIM_H
#include <zlib.h>
#endif
