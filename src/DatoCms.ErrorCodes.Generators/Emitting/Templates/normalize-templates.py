#!/usr/bin/env python3
"""Brings every runtime template in this folder into the compilable form (see README.md).

Re-runnable: a template already in that form is left byte for byte as it is, so run it after
any merge that touched the templates. It
  1. wraps a template written in the old form (a namespace body with no namespace line) in the
     block-scoped `namespace DatoCms.ErrorCodes { ... }`, marking its top-level `internal`
     types `// always internal` (in the old form, `internal` meant exactly that);
  2. turns `$access$` into `internal` and removes `$generated$` (and any GeneratedCode attribute):
     the emitter adds `[GeneratedCode]` above each top-level type, and in the template project
     that attribute would hide the types from every CA rule;
  3. drops the `global::DatoCms.ErrorCodes.` qualification: the templates live in that
     namespace, so its types need none (everything else keeps `global::`).

Usage: python3 normalize-templates.py [template.cs ...]   (default: every *.cs next to it)
"""
import pathlib
import re
import sys

NAMESPACE_LINE = "namespace DatoCms.ErrorCodes"
GENERATED_CODE = "[global::System.CodeDom.Compiler.GeneratedCode("
ALWAYS_INTERNAL = " // always internal"
SAME_NAMESPACE = "global::DatoCms.ErrorCodes."
TOP_LEVEL_INTERNAL = re.compile(r"^    internal (?!.*// always internal$)")


def normalize(text: str) -> str:
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")

    if NAMESPACE_LINE not in lines:
        while lines and lines[-1] == "":
            lines.pop()
        lines = [line + ALWAYS_INTERNAL if TOP_LEVEL_INTERNAL.match(line) else line for line in lines]
        lines = [NAMESPACE_LINE, "{"] + lines + ["}", ""]

    lines = [line.replace("$access$", "internal").replace(SAME_NAMESPACE, "")
             for line in lines
             if line.strip() != "$generated$" and not line.strip().startswith(GENERATED_CODE)]
    return newline.join(lines)


def main(paths):
    folder = pathlib.Path(__file__).resolve().parent
    files = [pathlib.Path(p) for p in paths] or sorted(folder.glob("*.cs"))
    for path in files:
        original = path.read_bytes().decode("utf-8")
        updated = normalize(original)
        if updated != original:
            path.write_bytes(updated.encode("utf-8"))
            print("normalized", path.name)


if __name__ == "__main__":
    main(sys.argv[1:])
