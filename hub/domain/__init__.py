"""The pure domain core: codes, events, ownership, agreements, routing. No I/O is imported here."""
