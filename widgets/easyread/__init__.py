"""The easy read with pictures on the Review page (mirrors workbook/easyread)."""
