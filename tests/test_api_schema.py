"""Property-based: every operation of the OpenAPI spec, fed generated input, never answers 5xx."""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from ceasefire.api import create_app
from ceasefire.store import Store
from ceasefire.web.demo import build_demo

EXAMPLES = 20


def test_api_schema_has_no_server_errors(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'demo.db'}")
    admin = build_demo(store)["admin"]
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store=store))
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            response = case.call(headers={"Authorization": f"Bearer {admin}"})
            case.validate_response(response, checks=[not_a_server_error])
            if response.status_code >= 400:
                assert set(response.json()) == {"error"}, f"{operation.label}: {response.text}"

        call()
        checked.append(operation.label)
    store.close()
    assert len(checked) >= 12, checked
