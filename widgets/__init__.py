"""ipywidgets views of the WTfC stages; thin adapters over the `workbook` core."""
