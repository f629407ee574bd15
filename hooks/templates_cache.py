"""Compile the theme's Jinja templates once per build instead of once per language.

static-i18n runs the whole build again for every language, and MkDocs makes a new Jinja
environment each time, which compiles every template anew: the benchmark's profile put a third of
the build in Jinja. Compiled templates are kept in memory, keyed by Jinja on each template's name
and source, so an edited template (under `make serve`) is compiled again.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_CACHE = _MemoryBytecodeCache()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = _CACHE
    return env
