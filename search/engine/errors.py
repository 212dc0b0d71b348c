class EngineError(Exception):
    """The local engine could not be prepared, started, checked or stopped; the message says why."""
