"""Generate JSON Schema files for every topic contract into schemas/json/.

python -m schemas.generate          # write the files
python -m schemas.generate --check  # exit 1 when a file is stale
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from pydantic import BaseModel

JSON_DIR = Path(__file__).resolve().parent / "json"

CONTRACTS: dict[str, tuple[str, str]] = {
    "RawArticle": ("schemas.raw", "RawArticle"),
    "ParsedArticle": ("schemas.parsed", "ParsedArticle"),
    "DeadLetter": ("schemas.deadletter", "DeadLetter"),
    "StoryUpdate": ("schemas.story", "StoryUpdate"),
    "IncidentEvent": ("schemas.incident", "IncidentEvent"),
    "Alert": ("schemas.alert", "Alert"),
}


def available_contracts() -> dict[str, type[BaseModel]]:
    """The contract models that exist in this checkout, by name."""
    found: dict[str, type[BaseModel]] = {}
    for name, (module_name, attr) in CONTRACTS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        model = getattr(module, attr, None)
        if isinstance(model, type) and issubclass(model, BaseModel):
            found[name] = model
    return found


def render(model: type[BaseModel]) -> str:
    """The JSON Schema text of one model, stable across runs."""
    return (
        json.dumps(model.model_json_schema(mode="serialization"), indent=2, sort_keys=True) + "\n"
    )


def expected_files() -> dict[Path, str]:
    """Every schema file and the text it should hold."""
    return {
        JSON_DIR / f"{name}.json": render(model) for name, model in available_contracts().items()
    }


def stale_files() -> list[Path]:
    """Schema files that are missing, outdated, or left over from a removed contract."""
    expected = expected_files()
    stale = [
        path for path, text in expected.items() if not path.exists() or path.read_text() != text
    ]
    stale += [path for path in JSON_DIR.glob("*.json") if path not in expected]
    return sorted(stale)


def main(argv: list[str] | None = None) -> int:
    """Write the schema files, or with --check report the stale ones."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path} (run `python -m schemas.generate`)")
        return 1 if stale else 0
    JSON_DIR.mkdir(exist_ok=True)
    for path in JSON_DIR.glob("*.json"):
        path.unlink()
    for path, text in expected_files().items():
        path.write_text(text)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
