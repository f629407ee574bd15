"""The directory as open data: the validated rows as JSON, beside the CSV and its schema, and a
Frictionless Data Package that names the three and their licence."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, fields

from helpkit.datatable import Schema, as_published
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


def channels_csv(kit: bytes, own: bytes | None, schema: Schema) -> bytes:
    """The CSV the site publishes: the kit's file as read (a spreadsheet may have saved it with
    semicolons or as UTF-16), with an edition's own rows where it has them (helpkit.directory.channels.with_edition)."""
    published = as_published(kit, schema)
    if own is None:
        return published
    header, *rows = _records(published)
    own_header, *own_rows = _records(as_published(own, schema))
    mine = {row["id"]: row for row in (dict(zip(own_header, cells, strict=True)) for cells in own_rows)}
    merged = [dict(zip(header, cells, strict=True)) for cells in rows]
    merged = [mine.pop(row["id"], row) for row in merged] + list(mine.values())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([row[name] for name in header] for row in merged)
    return out.getvalue().encode("utf-8")


def _records(data: bytes) -> list[list[str]]:
    # Blank lines, which spreadsheets leave at the end, are no rows (helpkit.datatable.read_rows).
    return [cells for cells in csv.reader(io.StringIO(data.decode("utf-8"), newline="")) if any(cells)]


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
