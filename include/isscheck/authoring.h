/* authoring.h - what the library writes for people writing declarations,
 * generated from a criteria set: a rule's explanation and a declaration
 * template.  Both append to out and never fail (out of memory aside:
 * base.h). */
#ifndef ISSCHECK_AUTHORING_H
#define ISSCHECK_AUTHORING_H

#include "isscheck/criteria.h"

/* Rule r of c explained in lang: citation, category, the clause text
 * (verbatim), the readings it applies, an English summary (en only), every
 * branch of its evaluation, its parameters and a YAML snippet. */
void iss_explain_rule(iss_buf *out, const iss_criteria *c, const iss_rule *r, iss_lang lang);

/* A declaration template for the categories k of c with chosen[k], its
 * comments in lang.  schema_url, when not NULL, is written as the first
 * line's yaml-language-server modeline. */
void iss_template_write(iss_buf *out, const iss_criteria *c, const bool *chosen, iss_lang lang,
                        const char *schema_url);

#endif
