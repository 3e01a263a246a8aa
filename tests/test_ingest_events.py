import pytest

from ceasefire.errors import InputError
from ceasefire.ingest.events import read_events

GOOD = '{"event_date": "2016-05-01", "sub_event_type": "Air/drone strike", "admin1": "Aleppo"}'


def test_ingest_events_fills_the_type_from_the_sub_type():
    (event,) = list(read_events([GOOD, ""]))
    assert event.event_type == "Explosions/Remote violence"
    assert event.verdicts == [] and event.evidence == []


@pytest.mark.parametrize("line, field", [
    ('{"sub_event_type": "Air strike"}', "sub_event_type"),
    ('{"sub_event_type": "Air/drone strike", "event_type": "Battles"}', "sub_event_type"),
    ('{"sub_event_type": "Attack", "fatalities": "ten"}', "fatalities"),
    ('{"sub_event_type": "Attack", "admin1": 5}', "admin1"),
    ('{"sub_event_type": "Attack", "verdicts": {}}', "verdicts"),
])
def test_ingest_events_bad_record_names_line_and_field(line, field):
    with pytest.raises(InputError) as error:
        list(read_events([GOOD, line], "events.jsonl"))
    assert error.value.line == 2 and error.value.field == field and error.value.path == "events.jsonl"


def test_ingest_events_broken_json_names_the_line():
    with pytest.raises(InputError) as error:
        list(read_events([GOOD, "{oops"], "events.jsonl"))
    assert "events.jsonl:2" in str(error.value)
