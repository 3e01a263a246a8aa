"""docs/agreements.md explains every field of the agreement and area schemas."""
from __future__ import annotations

import re
from pathlib import Path

from ceasefire.assess import agreements, areas

DOC = Path(__file__).resolve().parent.parent / "docs" / "agreements.md"
MODELS = (agreements.Agreement, agreements.Source, agreements.Party, agreements.Scope, agreements.LocalTruce,
          agreements.ProhibitedAct, agreements.CivilianHarm, agreements.Obligation, areas.AreaList,
          areas.AccessArea, areas.AreaPlace)


def test_agreements_docs_name_every_field():
    text = re.sub(r"```.*?```", " ", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    spans = " ".join(re.findall(r"`([^`]+)`", text))
    words = set(re.findall(r"[a-z_0-9]+", spans))
    missing = sorted(f"{model.__name__}.{name}" for model in MODELS for name in model.model_fields
                     if name not in words)
    assert not missing, f"undocumented fields: {missing}"


def test_agreements_docs_list_every_installed_agreement():
    text = DOC.read_text(encoding="utf-8")
    for agreement_id in agreements.installed_agreements():
        assert f"`{agreement_id}`" in text
