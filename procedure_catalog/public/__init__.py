"""What citizens see: the context behind the procedure catalogue, announcements and statistics pages."""
