"""The Commission's services as the site reads them (initiatives/commission.py), against the
local fake (tests/fakes/commission.py): each failure is one ServiceError kind, never a crash."""

import pytest

from initiatives import commission
from initiatives.commission import ServiceError
from tests.fakes.commission import CommissionFake, register_details

NUMBER = "ECI(2025)000006"
PATH = "/core/api/register/details/2025/000006"


@pytest.fixture
def fake(settings):
    with CommissionFake() as fake:
        settings.COMMISSION_REGISTER_URL = f"{fake.url}/core/api/register"
        settings.COMMISSION_TIMEOUT_SECONDS = 0.5
        fake.register["2025/000006"] = register_details(
            2025, "000006", versions={"en": {"title": "Clean air", "objectives": "Less smog."}}
        )
        yield fake


def test_the_register_is_read_with_a_user_agent_naming_the_site(fake, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://initiatives.example.org"
    details = commission.read_register(NUMBER)
    assert details["linguisticVersions"][0]["title"] == "Clean air"
    ((path, headers),) = fake.requests
    assert path == PATH
    assert headers["User-Agent"] == "Citizens' Initiatives (https://initiatives.example.org)"
    assert headers["Accept"] == "application/json"


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        ("forbidden", ServiceError.UNAVAILABLE),  # 403 with an HTML body
        ("server_error", ServiceError.UNAVAILABLE),
        ("timeout", ServiceError.UNAVAILABLE),
        ("bad_json", ServiceError.BAD_ANSWER),
    ],
)
def test_each_failure_is_a_service_error_with_its_message(fake, failure, kind):
    fake.fail(PATH, failure)
    with pytest.raises(ServiceError) as raised:
        commission.read_register(NUMBER)
    assert raised.value.kind == kind
    assert str(raised.value.message)


def test_an_unknown_number_is_not_found_and_a_malformed_one_is_refused(fake):
    with pytest.raises(ServiceError) as raised:
        commission.read_register("ECI(2025)000099")
    assert raised.value.kind == ServiceError.NOT_FOUND
    with pytest.raises(ValueError):
        commission.register_details_url("ECI(25)6")
