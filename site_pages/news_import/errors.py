class NewsImportError(Exception):
    """The source as a whole cannot be imported; nothing was written.

    `problems` lists every item that was rejected, so the operator fixes the file once.
    """

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self):
        return "\n".join([self.message, *(f"  - {problem}" for problem in self.problems)])
