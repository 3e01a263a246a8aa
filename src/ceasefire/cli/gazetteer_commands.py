"""`ceasefire gazetteer build | lookup`: the offline place index of one country."""
from __future__ import annotations

from pathlib import Path

import click


@click.group("gazetteer")
def gazetteer() -> None:
    """Build and query the offline place index (GeoNames, CC BY 4.0, plus reviewed supplements)."""


@gazetteer.command("build")
@click.option("--country", required=True, help="ISO 3166-1 alpha-2 code, e.g. SY.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Where to write the index.")
def build(country: str, out: Path | None) -> None:
    """Build the index for a country and print what it holds."""
    from ceasefire.resolve.gazetteer import Gazetteer, build_gazetteer

    path = build_gazetteer(country, out)
    counts = Gazetteer(path).counts()
    click.echo(f"{path}  ({path.stat().st_size // 1024} KB)")
    for key in sorted(counts):
        click.echo(f"  {key:<11} {counts[key]:>7}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", required=True, help="ISO 3166-1 alpha-2 code, e.g. SY.")
@click.option("--context", default="", help="The sentence the name was found in.")
def lookup(name: str, country: str, context: str) -> None:
    """Print the candidates for a name and the place it resolves to."""
    from ceasefire.resolve.gazetteer import Gazetteer

    index = Gazetteer.open(country)
    level, _ = index.lookup(name)
    candidates = index.candidates(name)
    click.echo(f"{len(candidates)} candidate(s)" + (f", {level} match" if level else ""))
    for place in candidates:
        click.echo(f"  {_line(place)}")
    place = index.resolve(name, context)
    click.echo(f"resolved: {_line(place) if place else 'nothing'}")


def _line(place) -> str:
    where = f"{place.latitude:.4f},{place.longitude:.4f}" if place.latitude is not None else "-"
    population = f" pop {place.population}" if place.population else ""
    return (f"{place.name} [{place.kind}] admin1={place.admin1 or '-'} {where} "
            f"precision={place.geo_precision}{population}"
            + (f" geonameid={place.geonameid}" if place.geonameid else ""))


COMMANDS: list = [gazetteer]
