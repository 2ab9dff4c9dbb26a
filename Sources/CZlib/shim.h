#ifndef RRAUDIT_CZLIB_SHIM_H
#define RRAUDIT_CZLIB_SHIM_H
#include <limits.h>
#include <stdio.h>
#include <sys/types.h>
#include <zlib.h>

/* fopencookie(3) is a GNU extension that Swift's Glibc module does not export (it is declared only
 * under _GNU_SOURCE). Declare it under our own name, bound to the real symbol, so the declaration
 * can never clash with the system one. The struct mirrors glibc's cookie_io_functions_t. */
typedef struct {
    ssize_t (*read)(void *cookie, char *buffer, size_t size);
    ssize_t (*write)(void *cookie, const char *buffer, size_t size);
    int (*seek)(void *cookie, long long *offset, int whence);
    int (*close)(void *cookie);
} rraudit_cookie_io_functions;

extern FILE *rraudit_fopencookie(void *cookie, const char *mode, rraudit_cookie_io_functions io)
    __asm__("fopencookie");

static ssize_t rraudit_gz_read(void *cookie, char *buffer, size_t size) {
    if (size > INT_MAX) size = INT_MAX;
    int count = gzread((gzFile)cookie, buffer, (unsigned)size);
    return count < 0 ? -1 : count;
}

static int rraudit_gz_close(void *cookie) {
    return gzclose((gzFile)cookie) == Z_OK ? 0 : -1;
}

/* A read-only stdio stream that inflates a gzip file as it is read (streaming: memory does not
 * grow with the file), or NULL when the file cannot be opened. fclose() closes the gzip file. */
static inline FILE *rraudit_gzip_fopen(const char *path) {
    gzFile gz = gzopen(path, "rb");
    if (gz == NULL) return NULL;
    gzbuffer(gz, 1 << 17);
    rraudit_cookie_io_functions io = { rraudit_gz_read, NULL, NULL, rraudit_gz_close };
    FILE *file = rraudit_fopencookie(gz, "r", io);
    if (file == NULL) gzclose(gz);
    return file;
}
#endif
