"""ipywidgets views of the WTfC stages; thin adapters over the `workbook` core."""

WTFC_WORKBOOK = True  # `wtfc` checks it: another package may be called "widgets" too
