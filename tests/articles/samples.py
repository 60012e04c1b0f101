"""Article text shared by the import tests: written for these tests in the institute's format, with the
site's boilerplate around it (call-us header, share buttons) as pasted from a real page."""

from importlib import import_module
from pathlib import Path

SYLLABUS = import_module("articles.migrations.0002_seed_syllabus").SYLLABUS
SYLLABUS_TOPICS = {code: topics for code, _, _, topics in SYLLABUS}
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed-article.txt"

ARTICLE = """Call Us Now
+91 98765 43210 / 11
For Enquiry
Monsoon Forecast Raises Hopes for Kharif Sowing
Recently, the weather office forecast an above-normal south-west monsoon for the coming season.
GS3- Agriculture
Mains Question:
How does the monsoon shape rural demand in India? Discuss. (10 marks)
Dimensions of the article:
1. About the forecast
2. Impact on farm output
3. Way Forward
About the forecast
Long period average: The season is expected to bring 106 per cent of the long-period average.
Crop outlook:
• Rice acreage may rise in the east.
• Pulses gain from timely sowing.
Way Forward:
Storage: Warehouses must be ready for a bumper harvest.
Share on WhatsApp
June 2024
"""
