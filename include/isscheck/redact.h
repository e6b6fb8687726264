/* redact.h - person ids and names replaced by pseudonyms, for reports
 * shared outside the provider (isscheck check --redact).
 *
 * The pseudonym of a person is its position in the declaration's persons
 * list: person-1, person-2, …  It is the same in every output format and
 * in every run over the same declaration, and nothing in it is derived
 * from the id or the name (a hash of a name could be reversed by hashing
 * a staff list).  Reordering the persons list renumbers them.
 *
 * What is replaced, in every string of a note (args and args_en):
 *   - a person id where it stands as a whole token: not inside a longer
 *     run of ASCII letters, digits and '_' (D5 is not replaced inside
 *     D501), the longest id first;
 *   - a person name anywhere, also inside other text (Japanese has no
 *     word boundaries), ignoring white space (ASCII or U+3000) in the name
 *     and in the text (山田 太郎, 山田太郎 and 山田　太郎 are one name) and
 *     the case of ASCII letters; the longest match wins.
 * Not found: part of a name (a surname alone), the name in another script
 * (kana for kanji, romaji) or order, initials.  The provider, engagement
 * ids, file names and locations are not persons and stay.
 */
#ifndef ISSCHECK_REDACT_H
#define ISSCHECK_REDACT_H

#include "isscheck/eval.h"

/* The persons of a declaration, ready to be replaced in text. */
typedef struct iss_redactor iss_redactor;

/* A redactor for persons[0..n): id and name (either may be NULL) of each. */
iss_redactor *iss_redactor_new(const iss_person *persons, size_t n);
void iss_redactor_free(iss_redactor *x);
/* s with every person id and name replaced by its pseudonym, allocated in
 * a when anything was replaced; else s itself. */
const char *iss_redact_str(const iss_redactor *x, iss_arena *a, const char *s);

/* Replaces the persons in every note of r by their pseudonyms (in r's
 * arena) and marks r redacted.  Reporters print persons only through
 * notes, so every format of r is redacted alike. */
void iss_report_redact(iss_report *r);

#endif
