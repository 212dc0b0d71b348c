from django.http import HttpResponse

from . import documents_folder, path_in_documents


def sendfile(request, filename, **kwargs):
    response = HttpResponse()
    # mod_xsendfile needs XSendFilePath set to this folder.
    response["X-Sendfile"] = str(documents_folder() / path_in_documents(filename))
    return response
