"""Finishing a built page: quick exit, direction, Material repairs, what it runs and loads, its security policy."""
