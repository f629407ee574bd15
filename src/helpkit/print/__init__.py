"""Print: booklets, leaflets and checklists made from the built pages and the data, printed to PDF with Chromium."""
