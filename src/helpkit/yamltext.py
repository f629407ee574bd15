"""YAML as the project reads it: safe, and with libyaml's C parser where PyYAML has one.

The strings and notes files are read for every language of every build: the pure-Python parser
took 2.8 s of an 11-language build, the C one a tenth of that.
"""

from __future__ import annotations

from typing import Any

import yaml

YAMLError = yaml.YAMLError
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The value of a YAML document; YAMLError, with `problem_mark` where it has one, otherwise."""
    return yaml.load(text, Loader=_LOADER)
