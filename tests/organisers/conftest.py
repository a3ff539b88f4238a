import pytest

from tests.factories import write_private_key

from .helpers import SIGNERS, sign_all


@pytest.fixture
def key_file(tmp_path):
    """The organisers' private key file, protected with the test passphrase."""
    return write_private_key(tmp_path / "organisers-key.json")


@pytest.fixture
def signed(client, signing_page):
    """Statements of every test signer, {identifier: (country, fields)}."""
    return dict(zip(sign_all(client, signing_page), SIGNERS, strict=True))
