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

/* What `isscheck catalogue` shows: the entries of one type (type < 0:
 * every type) that are on the 例示 list reiji (NULL: any list). */
typedef struct {
    int type;
    const char *reiji;
} iss_catalogue_filter;

/* The catalogue type called name ("qualification", …), or -1; the names
 * are iss_entry_type_keys (criteria.h). */
int iss_entry_type_lookup(const char *name);
/* Whether reiji names a list of the 例示: one the standard refers to (1-1
 * … 7-5, 第1章 2 (7)), one an entry of c is on, or one a rule of c cites. */
bool iss_reiji_list_known(const iss_criteria *c, const char *reiji);
/* How many entries of c pass f. */
size_t iss_catalogue_count(const iss_criteria *c, const iss_catalogue_filter *f);
/* The entries of c that pass f, for people: grouped by edition and type,
 * each with its 例示 lists, aliases, number format, provenance and note,
 * every value escaped (iss_text_str); a line saying so when none does. */
void iss_catalogue_text(iss_buf *out, const iss_criteria *c, const iss_catalogue_filter *f,
                        iss_lang lang);
/* The same as one JSON document (schema/isscheck-catalogue.schema.json). */
void iss_catalogue_json(iss_buf *out, const iss_criteria *c, const iss_catalogue_filter *f);

#endif
