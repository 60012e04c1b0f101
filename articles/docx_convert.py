"""Run as a script (never imported by the site): read one .docx from standard input and write its HTML to
standard output, through mammoth. `articles.documents` runs it in a process of its own with limits on
memory and time, so a document built to exhaust them ends this process, never a web worker. On failure it
exits non-zero and writes only the name of the error, for the importer's message."""

import io
import sys


def main():
    data = sys.stdin.buffer.read()
    try:
        import mammoth

        html = mammoth.convert_to_html(io.BytesIO(data)).value
    except MemoryError:
        sys.stderr.write("MemoryError")
        return 4
    except Exception as error:  # mammoth and its XML reader raise many kinds; each means "cannot read"
        sys.stderr.write(type(error).__name__)
        return 3
    sys.stdout.buffer.write(html.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
