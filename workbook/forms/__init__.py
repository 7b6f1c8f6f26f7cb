"""Blank forms the kit hands out, in the shape its importers read back."""
