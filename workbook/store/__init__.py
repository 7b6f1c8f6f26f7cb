"""The store: engines and migrations, tables, one transaction per action, DataFrames."""
