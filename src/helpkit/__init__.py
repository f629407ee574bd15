"""The logic behind the Sextortion Help Kit's site: data + docs + mkdocs.yml → hooks → helpkit → site/.

The MkDocs hooks in hooks/ are thin adapters: they read the build's state and hand it to the pure
steps here, which parse and check the data (`directory`), the settings (`edition`) and the
translations (`i18n`), render the directory, the help box and the 404 page, and finish each page
(`page`: quick exit, direction, what it runs and loads, its security policy); `search` splits the
search index per language; `print` makes the PDFs; `publish` swaps a finished build into place.
`build` is the one place that holds the build's state and knows static-i18n's internals.

Outside `build`, modules import MkDocs only for what MkDocs defines: the settings schema
(`edition.settings`, on MkDocs' config options), front matter as MkDocs reads it
(`page.frontmatter`), and mkdocs.yml with `!ENV` and `INHERIT` (`project`).
"""
