"""Helpers that write StreamField blocks in their stored (JSON) form, for the demo content."""

import uuid

from django.utils.html import escape


def list_items(values):
    """ListBlock items in their stored form; each needs an id for translation paths."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def steps(heading_text, items):
    return {
        "type": "steps",
        "value": {
            "heading": heading_text,
            "steps": list_items(
                {"title": title, "body": f"<p>{escape(body)}</p>"} for title, body in items
            ),
        },
    }


def callout(kind, title, body):
    return {
        "type": "callout",
        "value": {"kind": kind, "title": title, "body": f"<p>{escape(body)}</p>"},
    }


def document_list(heading_text, titles):
    """A list of the documents an organiser needs, described in words (no files in the demo)."""
    return {
        "type": "paragraph",
        "value": f"<h3>{escape(heading_text)}</h3><ul>"
        + "".join(f"<li>{escape(title)}</li>" for title in titles)
        + "</ul>",
    }


def rich(*paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
