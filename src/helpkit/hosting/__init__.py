"""Hosting that holds a campaign: content-hashed names for the site's own CSS and JavaScript, the
caching and security headers for the hosts that read them, and pre-compressed copies."""
