"""One page family per WTfC step, mirroring workbook.stages."""
