"""The directory as open data: the validated rows as JSON, beside the CSV and its schema."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, fields

from helpkit.directory.channels import Channel

# Stable file names under the site's data/ folder, linked from every directory page.
CSV_NAME = "reporting-channels.csv"
JSON_NAME = "reporting-channels.json"
SCHEMA_NAME = "reporting-channels.schema.json"


def channels_json(channels: Sequence[Channel]) -> str:
    """One object per row with the CSV's column names; dates as ISO text, languages as a list."""
    rows = []
    for channel in channels:
        row = asdict(channel)
        row.pop("row")
        row["languages"] = list(channel.languages)
        row["verified"] = channel.verified.isoformat() if channel.verified else None
        rows.append(row)
    columns = [field.name for field in fields(Channel) if field.name != "row"]
    document = {"schema": SCHEMA_NAME, "columns": columns, "rows": rows}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
