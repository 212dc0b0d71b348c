"""The folders of MEDIA_ROOT anyone may fetch directly, in development and behind the web server.

Renditions are made clean, and originals are cleaned when stored (strip_image_metadata cleans older
ones), so both image folders are public; documents/ never is, since a document in a login-only
collection must go through Wagtail's serve view."""

PUBLIC_MEDIA_FOLDERS = ("images", "original_images")
