"""Mains questions and photos for the answer-writing tests, written for them in the project's own words."""

import io

from PIL import Image

from answers.models import MainsQuestion

QUESTION = ("Fiscal transfers pull the Finance Commission between equity and efficiency. Discuss, with reference "
            "to the concerns of the southern States.")


def mains_question(article, text=QUESTION, *, status=MainsQuestion.Status.APPROVED, **kwargs):
    defaults = {"marks": 15, "word_limit": 250, "directive": "discuss",
                "key_demand": "Weigh the two aims of devolution and say how the Commission can serve both.",
                "model_answer": "The Commission balances need against performance by weighting population..."}
    return MainsQuestion.objects.create(article=article, text=text, status=status, **{**defaults, **kwargs})


def jpeg_bytes(size=(640, 480), **save_options):
    out = io.BytesIO()
    Image.new("RGB", size, (240, 236, 220)).save(out, "JPEG", **save_options)
    return out.getvalue()
