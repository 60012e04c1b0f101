"""Photos of a handwritten answer, handled as untrusted input: read only if they are what they claim, then
drawn afresh, so nothing of the original file is kept but its pixels.

Each photo is measured from its header before any pixel is decoded (a decompression bomb is refused
unread), turned upright by its EXIF orientation, shrunk to at most 2,000 px on its longest side and saved as
a new JPEG: the camera's EXIF, GPS position and any other metadata are left behind."""

import contextlib
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

MAX_PHOTOS = 4
MAX_BYTES = 12 * 1024 * 1024  # a phone's full-resolution photo is 3–8 MB
MAX_PIXELS = 50_000_000  # 50 megapixels: more than any phone camera takes
LONGEST_SIDE = 2000
FORMATS = {"JPEG", "PNG", "WEBP"}
QUALITY = 85


class PhotoRefused(ValueError):
    """A file that is not a photo we take; the message says what was wrong, for the student."""


@contextlib.contextmanager
def truncated_images_refused():
    """Pillow's rule for a photo cut off in transfer is one global flag, and WeasyPrint (the PDFs) turns it
    on when it is imported, which would let such a photo through half grey. It is off while a photo is
    decoded here (one request at a time per worker process), and put back as it was."""
    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def redrawn(upload):
    """The upload as a new JPEG: (ContentFile, width, height). Raises PhotoRefused."""
    name = getattr(upload, "name", "") or "the file"
    data = upload.read(MAX_BYTES + 1)
    if not data:
        raise PhotoRefused(f"“{name}” is empty: choose the photo again.")
    if len(data) > MAX_BYTES:
        raise PhotoRefused(f"“{name}” is larger than {MAX_BYTES // (1024 * 1024)} MB: send a smaller photo.")
    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            if image.format not in FORMATS:
                raise PhotoRefused(f"“{name}” is not a JPEG, PNG or WebP photo.")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoRefused(f"“{name}” is {width:,} × {height:,} pixels, more than a photo of a page needs: "
                                   "send it at the camera's normal size.")
            with truncated_images_refused():
                upright = ImageOps.exif_transpose(image)  # decodes the pixels
            upright.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            picture = upright.convert("RGB")
    except PhotoRefused:
        raise
    except Image.DecompressionBombError:
        raise PhotoRefused(f"“{name}” has far too many pixels to be a photo of a page.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        # Not an image at all (a PDF, an SVG, a document renamed .jpg), or a photo cut off in transfer.
        raise PhotoRefused(f"“{name}” could not be read as a photo (it is not an image, or it is damaged): "
                           "take the photo again and send it.") from None
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=QUALITY, optimize=True)
    return ContentFile(out.getvalue(), name="page.jpg"), picture.width, picture.height
