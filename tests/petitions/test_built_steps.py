"""The page a used link answers is built once per petition page and language: it has nothing of
its signer, so every later signer's confirmation costs no rendering (as the statements' receipt)."""

from django.test.signals import template_rendered

from outbox.sending import send_due
from tests.petitions.test_journey import follow, links, sign


class Rendered:
    def __init__(self):
        self.names = []

    def __call__(self, sender, template, context, **kwargs):
        self.names.append(template.name)

    def __enter__(self):
        template_rendered.connect(self)
        return self.names

    def __exit__(self, *exc):
        template_rendered.disconnect(self)


def test_a_second_confirmation_renders_nothing_and_shows_no_other_link(
    client, inbox, petition_page
):
    tokens = []
    for address in ("ana@example.org", "ben@example.org"):
        client.cookies.clear()
        sign(client, petition_page, email=address)
        send_due()
        tokens.append(links(inbox()[-1].body))
    _asked, first = follow(client, petition_page, "confirm", tokens[0]["confirm"])
    url = petition_page.url + petition_page.reverse_subpage("confirm", args=(tokens[1]["confirm"],))
    with Rendered() as names:
        second = client.post(url)
    assert names == []
    assert second.status_code == 200
    assert "Thank you: your signature counts" in second.content.decode()
    assert second.content == first.content
    for token in (*tokens[0].values(), *tokens[1].values()):
        assert token not in second.content.decode()
    assert "no-store" in second["Cache-Control"]
