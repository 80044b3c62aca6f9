/* A stand-in for Windows 10's system ICU (icuuc.dll), which Wine 8 does not have.
 *
 * Qt 6.11's Qt6Core.dll imports the ucnv_* converter API from the system icuuc.dll; without it
 * Qt6Core does not load at all under Wine. Qt only uses ICU converters for legacy 8-bit codecs
 * (QStringConverter::availableCodecs, encodings by name); the app reads UTF-8 only, which Qt
 * converts itself. So every converter here fails to open, as an ICU without converter data
 * would, and Qt falls back to its own codecs. Test-only: installed into the check's Wine
 * prefix, never into the bundle (see README.md).
 */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
typedef uint16_t UChar;
#define U_FILE_ACCESS_ERROR 4
#define U_ILLEGAL_ARGUMENT_ERROR 1

static int failed(UErrorCode *err, UErrorCode code)
{
    if (err == NULL || *err > 0)
        return 1;
    *err = code;
    return 1;
}

void *ucnv_open(const char *name, UErrorCode *err) { (void)name; failed(err, U_FILE_ACCESS_ERROR); return NULL; }
void ucnv_close(void *cnv) { (void)cnv; }
void ucnv_reset(void *cnv) { (void)cnv; }
int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; failed(err, U_ILLEGAL_ARGUMENT_ERROR); return ""; }
const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{ (void)name; (void)standard; (void)err; return NULL; }
const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
int32_t ucnv_countAvailable(void) { return 0; }
void ucnv_getToUCallBack(const void *cnv, void **action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                         const void **old_context, UErrorCode *err)
{ (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; failed(err, U_ILLEGAL_ARGUMENT_ERROR); }
void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action,
                           const void **old_context, UErrorCode *err)
{ (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; failed(err, U_ILLEGAL_ARGUMENT_ERROR); }
void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset, UErrorCode *err)
{ (void)args; (void)source; (void)length; (void)offset; failed(err, U_ILLEGAL_ARGUMENT_ERROR); }
void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset, UErrorCode *err)
{ (void)args; (void)source; (void)limit; (void)offset; failed(err, U_ILLEGAL_ARGUMENT_ERROR); }
void ucnv_toUnicode(void *cnv, UChar **target, const UChar *target_limit, const char **source,
                    const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err)
{ (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
  failed(err, U_ILLEGAL_ARGUMENT_ERROR); }
void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit, const UChar **source,
                      const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err)
{ (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
  failed(err, U_ILLEGAL_ARGUMENT_ERROR); }
int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; (void)err; return 0; }
int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; (void)err; return 0; }
void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *code_units, int32_t length,
                                     int32_t code_point, int32_t reason, UErrorCode *err)
{ (void)context; (void)args; (void)code_units; (void)length; (void)code_point; (void)reason; (void)err; }
void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *code_units, int32_t length,
                                   int32_t reason, UErrorCode *err)
{ (void)context; (void)args; (void)code_units; (void)length; (void)reason; (void)err; }
