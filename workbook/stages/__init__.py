"""The WTfC steps' logic, one module per step, and the golden thread through them."""
