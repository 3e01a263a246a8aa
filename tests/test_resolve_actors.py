import pytest

from ceasefire.errors import ValidationError
from ceasefire.resolve import actors as actors_module
from ceasefire.resolve.actors import ActorRegistry


@pytest.fixture(scope="module")
def registry():
    return ActorRegistry.load("SY")


def ids(registry, text):
    return [m.actor.id for m in registry.find(text)]


@pytest.mark.parametrize("text, expected", [
    ("seven car bombs claimed by Daech", ["islamic-state"]),
    ("Daesh fighters attacked", ["islamic-state"]),
    ("ISIS and ISIL are one group", ["islamic-state", "islamic-state"]),
    ("Islamic State militants stormed the town", ["islamic-state"]),
    ("Jabhat al-Nusra and HTS", ["nusra", "nusra"]),
    ("Jabhat Fateh al-Sham (JFS) fighters", ["nusra", "nusra"]),
    ("Ahrar al-Sham and Jaysh al-Islam", ["ahrar-al-sham", "jaysh-al-islam"]),
    ("the Free Syrian Army", ["syria-opposition"]),
    ("SDF and YPG units, backed by the PYD", ["sdf", "sdf", "sdf"]),
    ("the US-led coalition struck", ["us-coalition"]),
    ("Turkish-backed rebels advanced", ["turkish-backed-groups"]),
    ("a member of Sharqiya Army shot a man", ["turkish-backed-groups", "civilians"]),
    ("al Sham Corps and the Sham Legion", ["syria-opposition", "syria-opposition"]),
    ("insurgents attacked army positions and an army checkpoint", ["syria-opposition", "syria-government",
                                                                  "syria-government"]),
    ("militants attacked army positions", ["terrorist-label", "syria-government"]),  # whose, it does not say
    ("Israeli jets struck pro-Iran militias positions", ["israel", "iran"]),
    ("rebel shells struck the hospital", ["syria-opposition"]),
    ("IS fighters shot dead a regime's fighter and a regime officer", ["islamic-state", "syria-government",
                                                                     "syria-government"]),
    ("Turkish army positions near the Army of Conquest", ["turkey", "syria-opposition"]),
    ("an inter-agency convoy was stopped after the authorities refused", ["united-nations", "syria-government"]),
    ("IRGC advisers and Hezbollah", ["iran", "hezbollah"]),
    ("a WFP convoy and OCHA staff", ["united-nations", "united-nations"]),
    ("the Syrian Arab Red Crescent and the ICRC", ["sarc", "icrc"]),
    ("the NDF and the 4th Armoured Division", ["syria-ndf", "syria-4th-division"]),
    ("a QDW patrol and a JWS checkpoint", ["syria-ndf", "turkish-backed-groups"]),
])
def test_resolve_actors_aliases(registry, text, expected):
    assert ids(registry, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russian air strikes hit the only road into Aleppo", "russia"),
    ("Russian warplanes pounded the town", "russia"),
    ("Syrian jets bombed the market", "syria-government"),
    ("regime helicopters dropped barrel bombs", "syria-government"),
    ("Israeli jets struck", "israel"),
    ("Turkish artillery shelled", "turkey"),
    ("an IED exploded in a Turkish military vehicle", "turkey"),
    ("a regime bulldozer was destroyed", "syria-government"),
    ("drones targeted a Russian base", "russia"),
])
def test_resolve_actors_adjective_with_military_noun(registry, text, expected):
    found = registry.find(text)
    assert found and found[0].actor.id == expected and found[0].via_adjective


def test_resolve_actors_adjective_alone_is_no_actor(registry):
    # "Syrian" or "Russian" alone names no armed actor
    assert ids(registry, "Syrian civilians fled as a Russian journalist watched") == ["civilians"]


def test_resolve_actors_acronyms_are_case_sensitive(registry):
    assert ids(registry, "This is what it is") == []
    assert ids(registry, "IS claimed the attack") == ["islamic-state"]


def test_resolve_actors_partisan_label_identifies_no_one(registry):
    found = registry.find("Terrorist groups fired rocket shells on Aleppo")
    assert found[0].actor.label_only
    assert found[0].actor.name == registry.get("unidentified").name


def test_resolve_actors_longest_phrase_wins(registry):
    # "Syrian Democratic Forces" is the SDF, not "Syrian ... forces" of the government
    assert ids(registry, "Syrian Democratic Forces took the dam") == ["sdf"]


def test_resolve_actors_units_bind_as_their_parent(registry):
    division = registry.get("syria-4th-division")
    assert [a.id for a in registry.lineage(division)] == ["syria-4th-division", "syria-government"]


def test_resolve_actors_by_name_accepts_canonical_names_and_aliases(registry):
    assert registry.by_name("Military Forces of Russia (2000-)").id == "russia"
    assert registry.by_name("daech").id == "islamic-state"
    assert registry.by_name("no such group") is None


def test_resolve_actors_offsets_slice_back(registry):
    text = "On Sunday, Russian jets and al-Nusra Front fighters clashed."
    for mention in registry.find(text):
        assert text[mention.start:mention.end] == mention.text


def test_resolve_actors_bad_registry_names_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "actors"
    bad.mkdir()
    (bad / "international.yaml").write_text("actors:\n  - id: x\n    name: X: Y\n", encoding="utf-8")
    monkeypatch.setattr(actors_module, "ACTORS_DIR", bad)
    actors_module._load.cache_clear()
    try:
        with pytest.raises(ValidationError) as error:
            actors_module._load("ZZ")
        assert "international.yaml:3" in str(error.value)
    finally:
        actors_module._load.cache_clear()


def test_resolve_actors_a_weapon_one_actor_uses_names_it(registry):
    assert registry.wielder("explosive barrels were dropped on the town").id == "syria-government"
    assert registry.wielder("Fifteen killed in a barrel-bomb attack").id == "syria-government"
    assert registry.wielder("rockets were fired at the town") is None


def test_resolve_actors_adjectives_sharing_a_noun_are_each_a_mention(registry):
    assert ids(registry, "a joint patrol by Turkish and Russian forces") == ["turkey", "russia"]
    assert ids(registry, "Syrian and Iraqi officials met") == []  # no military noun: no actor


def test_resolve_actors_an_adjective_said_of_a_military_noun_names_its_actor(registry):
    assert ids(registry, "warplanes believed to be Russian hit the market") == ["russia"]
    assert ids(registry, "fighter jets thought to be Syrian") == ["syria-government"]
    assert ids(registry, "the man is believed to be Russian") == []  # a person's nationality


@pytest.mark.parametrize("text, expected", [
    ("Assads air force pounded the town", ["syria-government"]),  # "Assad's" with its apostrophe lost
    ("President Bashar al-Assads forces withdrew", ["syria-government"]),
    ("the armys air force hit positions", ["syria-government"]),
    ("Russias warplanes struck", ["russia"]),  # a name's possessive, though the file lists "Russia" only
    ("Daeshs fighters", ["islamic-state"]),
    ("the Syria army had killed 28 militants", ["syria-government", "terrorist-label"]),  # a headline's wording
])
def test_resolve_actors_a_possessive_without_its_apostrophe_names_the_actor(registry, text, expected):
    assert ids(registry, text) == expected


def test_resolve_actors_plurals_and_acronyms_get_no_possessive(registry):
    assert ids(registry, "Syrians fled the town") == []  # an adjective's plural is people, not forces
    assert ids(registry, "the regimes of the region") == []
    assert ids(registry, "ISs fighters") == []


def test_resolve_actors_country_specific_names_stay_in_their_pack():
    other = ActorRegistry.load("YE")  # a country with no pack of its own: international actors only
    assert [m.actor.id for m in other.find("Al-Qaeda militants and HTS")] == []
    assert [m.actor.id for m in other.find("Saudi-led coalition warplanes")] == []
    assert [m.actor.id for m in other.find("US-led coalition warplanes and Russian jets")] == ["us-coalition", "russia"]
    syria = ActorRegistry.load("SY")
    assert [m.actor.id for m in syria.find("coalition warplanes hit Raqqa")] == ["us-coalition"]


def test_resolve_actors_extending_an_unknown_actor_is_named(tmp_path, monkeypatch):
    packs = tmp_path / "actors"
    packs.mkdir()
    (packs / "international.yaml").write_text("actors:\n  - id: x\n    name: X\n    kind: state\n", encoding="utf-8")
    (packs / "ZZ.yaml").write_text("actors:\n  - id: y\n    extends: true\n    aliases: [why]\n", encoding="utf-8")
    monkeypatch.setattr(actors_module, "ACTORS_DIR", packs)
    actors_module._load.cache_clear()
    try:
        with pytest.raises(ValidationError, match="'y' to extend is not defined"):
            actors_module._load("ZZ")
    finally:
        actors_module._load.cache_clear()
