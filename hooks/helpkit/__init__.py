"""Pure logic behind the site's MkDocs hooks.

Nothing in this package imports MkDocs: each module can be used by a hook, a test or a
command-line tool alike.
"""
