import pytest

from tests.factories import write_private_key


@pytest.fixture
def key_file(tmp_path):
    """The organisers' private key file, protected with the test passphrase."""
    return write_private_key(tmp_path / "organisers-key.json")
