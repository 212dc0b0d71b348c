from .changes import ContentChange  # noqa: F401 - the changes feed's table
