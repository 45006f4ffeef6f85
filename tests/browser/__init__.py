"""Pages in headless Chromium, as a visitor sees them (Debian's chromium)."""
