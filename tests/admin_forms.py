"""Posting an admin edit form back as a browser would."""

from bs4 import BeautifulSoup


def edit_form_data(client, url):
    """The edit form's current values, as a browser would post them back."""
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    form = soup.find("form", id="w-editor-form") or soup.find("form", method="post")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data
