"""An edition's settings (country, publisher, quick-exit page, brand colour), as a typed schema, validated."""
