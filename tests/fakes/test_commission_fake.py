"""The fake answers with the documented shapes and fails as told (tests/fakes/commission.py)."""

import json
import urllib.error
import urllib.request

import pytest

from tests.fakes.commission import CommissionFake, register_details


def get(url, timeout=2):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback)
        return response.status, response.read()


def test_register_and_collection_answers_and_failures():
    with CommissionFake() as fake:
        fake.register["2025/000006"] = register_details(
            2025, "000006", versions={"en": {"title": "T"}}, sos_entries={"DE": 3, "GR": 2}
        )
        fake.collections["045"] = {"signatureCount": 5, "goal": 1000000, "map": {"DE": 5}}
        status, body = get(f"{fake.url}/core/api/register/details/2025/000006")
        details = json.loads(body)
        assert details["linguisticVersions"][0]["languageCode"] == "EN"
        assert details["sosReport"]["totalSignatures"] == 5
        _status, body = get(fake.collection_url("045") + "api/report/map")
        assert json.loads(body) == {"signatureCountryCount": [{"countryCode": "de", "count": 5}]}

        fake.fail("/045/public/api/report/map", "forbidden")
        with pytest.raises(urllib.error.HTTPError) as refused:
            get(fake.collection_url("045") + "api/report/map")
        assert refused.value.code == 403

        fake.fail("/045/public/api/report/progression", "timeout")
        with pytest.raises(TimeoutError):
            get(fake.collection_url("045") + "api/report/progression", timeout=0.2)
        assert [path for path, _headers in fake.requests][-1].endswith("progression")
