/* report.h - rendering a verdict record.  Reporters read iss_report and
 * nothing else. */
#ifndef ISSCHECK_REPORT_H
#define ISSCHECK_REPORT_H

#include "isscheck/eval.h"

typedef enum { ISS_LANG_JA, ISS_LANG_EN } iss_lang;

/* Appends the note's text in lang to out. */
void iss_note_render(iss_buf *out, const iss_note *n, iss_lang lang);
const char *iss_verdict_label(iss_verdict v, iss_lang lang);

/* The plain-text report; tool_version names the program. */
void iss_report_text(iss_buf *out, const iss_report *r, iss_lang lang, const char *tool_version);

#endif
