#!/usr/bin/env python3
"""Keeps the runner's layers: a folder of runner/src includes only itself and
the folders of lower layers (docs/design.md has the table). Prints every
include that breaks the rule, and an unknown folder is an error too, so a new
folder must be given its place here and in the docs."""
import pathlib
import re
import sys

# Layer of each folder; a file may include its own folder or a lower layer.
LAYERS = {
    "model": 0,
    "util": 1,
    "process": 1,
    "formats": 2,
    "plan": 2,
    "discover": 3,
    "run": 3,
    "execution": 4,
    "reports": 4,
    "commands": 5,
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def problems(src: pathlib.Path):
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".h", ".cc"):
            continue
        relative = path.relative_to(src)
        if len(relative.parts) != 2:
            yield f"{relative}: outside a layer folder"
            continue
        folder = relative.parts[0]
        if folder not in LAYERS:
            yield f"{relative}: folder '{folder}' has no layer (add it to {__file__} and docs/design.md)"
            continue
        for included in INCLUDE.findall(path.read_text()):
            target = included.split("/")[0]
            if "/" not in included or target not in LAYERS:
                yield f"{relative}: includes '{included}', which is not '<layer folder>/<file>'"
            elif target != folder and LAYERS[target] >= LAYERS[folder]:
                yield (f"{relative}: includes '{included}': '{folder}' (layer {LAYERS[folder]}) "
                       f"may not include '{target}' (layer {LAYERS[target]})")


def main() -> int:
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2] / "runner" / "src")
    found = list(problems(src))
    for problem in found:
        print(f"check_layers: {problem}")
    if not found:
        print(f"check_layers: every include in {src} respects the layers")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
