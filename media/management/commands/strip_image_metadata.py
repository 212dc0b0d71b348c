"""Clean the originals stored before uploads were cleaned, and drop renditions made from them."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

BATCH = 200


class Command(BaseCommand):
    help = (
        "Remove GPS location, camera serial numbers, owner names, maker notes and XMP/IPTC from every "
        "stored original image; their renditions are made again, clean, when next asked for."
    )

    def handle(self, *args, **options):
        images = get_image_model().objects.order_by("pk")
        cleaned = checked = 0
        last_pk = 0
        # Paged by primary key: a large library never sits in memory at once.
        while batch := list(images.filter(pk__gt=last_pk)[:BATCH]):
            for image in batch:
                checked += 1
                if image.strip_private_metadata():
                    image.file_size = image.file.size
                    image._set_file_hash()
                    image.save(update_fields=["file", "file_size", "file_hash"])
                    image.renditions.all().delete()
                    cleaned += 1
            last_pk = batch[-1].pk
        self.stdout.write(f"{cleaned} of {checked} images cleaned")
