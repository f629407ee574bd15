"""The reporting-channel directory: the CSV and its schema, checked; the directory pages, help box and open data."""
