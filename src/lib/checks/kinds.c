/* kinds.c - the table of check kinds, one row per ISS_CHECK_KINDS line:
 * each row is defined by the kind's own module (checks.h). */
#include "checks.h"

const struct iss_check_kind *const iss_check_kinds[ISS_CHECK_COUNT] = {
#define ISS_CHECK_ROW(K, name) [ISS_CHECK_##K] = &iss_check_##name,
    ISS_CHECK_KINDS(ISS_CHECK_ROW)
#undef ISS_CHECK_ROW
};

const char *const iss_check_names[ISS_CHECK_COUNT + 1] = {
#define ISS_CHECK_NAME(K, name) #name,
    ISS_CHECK_KINDS(ISS_CHECK_NAME)
#undef ISS_CHECK_NAME
        NULL};

const char *iss_check_name(iss_check_kind k)
{
    return (size_t)k < ISS_CHECK_COUNT ? iss_check_names[k] : "?";
}

const char *const *iss_check_params(iss_check_kind k)
{
    static const char *const none[] = {NULL};
    return (size_t)k < ISS_CHECK_COUNT ? iss_check_kinds[k]->params : none;
}
