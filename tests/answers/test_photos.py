"""Photos of a handwritten answer are untrusted input: only real photos are taken, each is redrawn (upright,
at most 2,000 px, a plain JPEG with no metadata), and a file that would cost the server dear is refused
before its pixels are decoded."""

import io
import struct
import tracemalloc
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from answers.photos import PhotoRefused, redrawn
from tests.answers.factories import jpeg_bytes


def upload(data, name="page.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_a_phone_photo_loses_its_gps_and_every_other_metadata_and_is_turned_upright():
    """A 3000×2000 JPEG with GPS coordinates, a camera name and "rotate 90°" in its EXIF is stored upright,
    1333×2000, with no EXIF at all."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Orientation] = 6  # the camera was held sideways
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "N", 2: (28.0, 36.0, 50.0), 3: "E", 4: (77.0, 12.0, 30.0)})
    original = jpeg_bytes((3000, 2000), exif=exif)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo has GPS

    content, width, height = redrawn(upload(original))

    stored = Image.open(io.BytesIO(content.read()))
    assert (width, height) == stored.size == (1333, 2000) and stored.format == "JPEG"
    assert dict(stored.getexif()) == {} and "exif" not in stored.info


def huge_png(width, height):
    """A PNG header claiming width × height pixels, with almost no data behind it (a decompression bomb)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def test_a_40000_by_40000_png_is_refused_without_decoding_it():
    """The header alone refuses it: the refusal costs under 2 MB of memory, not the 4.8 GB its pixels would."""
    bomb = huge_png(40_000, 40_000)

    tracemalloc.start()
    with pytest.raises(PhotoRefused, match="far too many pixels"):
        redrawn(upload(bomb, "scan.png"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    assert peak < 2 * 1024 * 1024


def test_a_photo_over_50_megapixels_is_refused_from_its_header():
    """Under Pillow's own bomb limit but more than any page needs: refused, saying its size."""
    with pytest.raises(PhotoRefused, match="9,000 × 8,000 pixels"):
        redrawn(upload(huge_png(9_000, 8_000), "big.png"))


@pytest.mark.parametrize("name, data, message", [
    ("answer.jpg", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", "could not be read"),
    ("answer.jpg", b"", "is empty"),
    ("answer.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
     "could not be read"),
    ("answer.jpg", jpeg_bytes((800, 600))[:700], "could not be read"),  # cut off in transfer
    ("answer.gif", "GIF", "not a JPEG, PNG or WebP"),
])
def test_what_is_not_a_photo_is_refused_with_a_clear_message(name, data, message):
    """A PDF renamed .jpg, an empty file, an SVG, a truncated JPEG and another format each say what is wrong."""
    if data == "GIF":
        out = io.BytesIO()
        Image.new("P", (20, 20)).save(out, "GIF")
        data = out.getvalue()
    with pytest.raises(PhotoRefused, match=message):
        redrawn(upload(data, name))


def test_a_file_over_the_size_limit_is_refused_unread(settings):
    """More than 12 MB is refused, naming the limit."""
    with pytest.raises(PhotoRefused, match="larger than 12 MB"):
        redrawn(upload(b"\xff\xd8" + b"\0" * (12 * 1024 * 1024)))


def test_a_truncated_photo_is_refused_even_after_the_pdfs_relaxed_pillow():
    """WeasyPrint lets Pillow load truncated images when it is imported; a cut-off photo is still refused,
    and the PDFs keep their setting."""
    import weasyprint  # noqa: F401 (sets ImageFile.LOAD_TRUNCATED_IMAGES)
    from PIL import ImageFile

    with pytest.raises(PhotoRefused, match="could not be read"):
        redrawn(upload(jpeg_bytes((800, 600))[:700]))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
