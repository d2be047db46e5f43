#!/usr/bin/python3
"""Fills the unfinished messages of the translation files after `update_translations`.

English gets the source text (every numerus form); Chinese gets the translations of a JSON file
{"Context": {"source text": "翻译"}}. Prints what is still unfinished, so a missing entry is seen. Run `update_translations` again
afterwards: lupdate writes the files back in its own layout.
Usage: scripts/ts-fill.py zh_CN.json"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "translations"


def numerus_forms(text, path):
    """Chinese has one form; English two, "%n fetus(es)" read as "fetus" and "fetuses"."""
    if "zh_CN" in path.name:
        return [text]
    return [re.sub(r"\((e?s)\)", "", text), re.sub(r"\((e?s)\)", r"\1", text)]


def fill(path, translate):
    tree = ET.parse(path)
    left = []
    for context in tree.getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            source = message.find("source").text
            text = translate(name, source)
            if text is None:
                left.append(f"{name}: {source!r}")
                continue
            del translation.attrib["type"]
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                for form in numerus_forms(text, path):
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(tree.getroot(), encoding="unicode"))
        out.write("\n")
    return left


def main():
    chinese = json.load(open(sys.argv[1], encoding="utf-8")) if len(sys.argv) > 1 else {}
    left = fill(ROOT / "obslink_en.ts", lambda context, source: source)
    left += fill(ROOT / "obslink_zh_CN.ts", lambda context, source: chinese.get(context, {}).get(source))
    for line in left:
        print("unfinished", line)
    return 1 if left else 0


sys.exit(main())
