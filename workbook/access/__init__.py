"""Who may do what in the room: roles, the keys the program makes, and the grants pages check."""
