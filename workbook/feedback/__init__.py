"""Closing the loop (WTfC step 8): "you said, we did" in three columns, and who must hear back."""
