"""Editor support kept true: the JSON Schemas in schemas/ describe this version's format.

A schema left behind by an upgrade, or by a channel added to site_config.yml, would underline
correct files in staff's editors, or pass wrong ones.
"""

from __future__ import annotations

from ..read.config import SiteConfig
from ..read.problems import Problems
from ..read.schema import SCHEMA_FOLDER, current_schemas
from ..words.catalog import languages


def check_schemas(config: SiteConfig) -> Problems:
    """Warn at each schema file in schemas/ that differs from what `reviewwall schema` writes."""
    problems = Problems()
    for name, text in current_schemas(config.channels, languages()).items():
        path = config.root / SCHEMA_FOLDER / name
        try:
            found = path.read_bytes()
        except FileNotFoundError:
            continue  # a project that does without editor support
        except OSError as error:
            found = str(error).encode()
        if found != text.encode():
            problems.warn(
                f"{SCHEMA_FOLDER}/{name}",
                1,
                "out of date with this version of reviewwall or with site_config.yml, so editors "
                "would check review files by old rules; run 'reviewwall schema' to write it anew",
            )
    return problems
