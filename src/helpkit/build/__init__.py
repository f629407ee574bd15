"""The MkDocs build as the hooks see it: the one build state, and the only code that knows
static-i18n's and Material's internals."""
