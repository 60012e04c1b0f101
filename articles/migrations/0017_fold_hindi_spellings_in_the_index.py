"""The search index's words in other scripts are stored folded from now on (articles/search/devanagari.py:
क़ानून as कानून, हिन्दी as हिंदी …); the rows already there are folded here. The folding is frozen in this file,
as every migration keeps what it needs, so a later change to the live module cannot change this step."""

import re
import unicodedata

from django.db import migrations

TABLE = "articles_search_other_scripts"
KEY = {"sqlite": "rowid", "postgresql": "article_id"}
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
HALF_NASAL = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")


def folded(text):
    text = unicodedata.normalize("NFC", text.translate(INVISIBLE)).replace("\u093c", "").replace("\u0901", "\u0902")
    return HALF_NASAL.sub("\u0902", text)


def fold_the_index(apps, schema_editor):
    connection = schema_editor.connection
    key = KEY.get(connection.vendor)
    if key is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key}, words FROM {TABLE}")
        rows = [(" ".join(dict.fromkeys(folded(word) for word in words.split())), pk)
                for pk, words in cursor.fetchall()]
        cursor.executemany(f"UPDATE {TABLE} SET words = %s WHERE {key} = %s", rows)


class Migration(migrations.Migration):
    dependencies = [("articles", "0016_translate_permission")]
    operations = [migrations.RunPython(fold_the_index, migrations.RunPython.noop)]
