"""PostgreSQL access: the hub's own database and each partner's store, behind small functions."""
