"""What citizens see: the context and views behind the public pages of news, home and contact."""
