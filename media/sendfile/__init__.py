"""Let the web server send a document's bytes once Wagtail's serve view has checked who may read it.

Wagtail's view checks the collection's privacy and then calls the SENDFILE_BACKEND module's
`sendfile` with the file's path; these backends answer with a header instead of the bytes, so no
Python worker is held by a large download. Production settings choose one with
DOCUMENTS_SENDFILE=nginx|apache; without it Wagtail streams the file itself.
"""

from pathlib import Path

from django.conf import settings


def documents_folder():
    return (Path(settings.MEDIA_ROOT) / "documents").resolve()


def path_in_documents(filename):
    """The file's path under the documents folder; ValueError for anything outside it."""
    return Path(filename).resolve().relative_to(documents_folder())
