"""The directory as open data: the validated rows as JSON, beside the CSV and its schema, and a
Frictionless Data Package that names the three and their licence."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, fields

from helpkit.directory.channels import Channel
from helpkit.directory.countries import time_zone

# Stable file names under the site's data/ folder, linked from every directory page.
CSV_NAME = "reporting-channels.csv"
JSON_NAME = "reporting-channels.json"
SCHEMA_NAME = "reporting-channels.schema.json"
PACKAGE_NAME = "datapackage.json"

# The data's licence (LICENSES/CC-BY-4.0.txt), as the Data Package specification names licences.
DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/legalcode",
}
# The pages' licence (LICENSES/CC-BY-SA-4.0.txt), named in every page's footer.
PAGES_LICENCE = {
    "name": "CC-BY-SA-4.0",
    "title": "Creative Commons Attribution-ShareAlike 4.0 International",
    "path": "https://creativecommons.org/licenses/by-sa/4.0/legalcode",
}


def channels_json(channels: Sequence[Channel], notes: Mapping[str, Mapping[str, str]]) -> str:
    """One object per row with the CSV's column names; dates as ISO text, languages as a list, hours in
    the CSV's opening-hours text, and the reader's note in every language built (`notes`)."""
    rows = []
    for channel in channels:
        row = asdict(channel)
        row.pop("row")
        row["languages"] = list(channel.languages)
        row["hours"] = channel.hours.text if channel.hours else None
        row["chat_hours"] = channel.chat_hours.text if channel.chat_hours else None
        row["verified"] = channel.verified.isoformat() if channel.verified else None
        row["time_zone"] = time_zone(channel.country)
        row["notes"] = {language: by_id[channel.id] for language, by_id in notes.items() if channel.id in by_id}
        rows.append(row)
    columns = [field.name for field in fields(Channel) if field.name != "row"] + ["time_zone", "notes"]
    document = {"schema": SCHEMA_NAME, "license": DATA_LICENCE, "columns": columns, "rows": rows}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def data_package() -> str:
    """datapackage.json: the CSV with its schema, the JSON copy, and the licence of both."""
    document = {
        "name": "reporting-channels",
        "title": "Reporting channels for people threatened with intimate images",
        "licenses": [DATA_LICENCE],
        "resources": [
            {
                "name": "reporting-channels",
                "path": CSV_NAME,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": SCHEMA_NAME,
            },
            {"name": "reporting-channels-json", "path": JSON_NAME, "format": "json", "mediatype": "application/json"},
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
