"""The ViSOR transfer hub: routes MAPPA offender information between jurisdictions by ownership and consent."""

__version__ = "0.1.0"
