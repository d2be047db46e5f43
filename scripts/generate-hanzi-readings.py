#!/usr/bin/env python3
"""Writes resources/pinyin/hanzi-readings.txt, the Mandarin readings of every Han character
that Unihan gives one for, from Debian's unicode-data package (Unihan_Readings.txt).

    scripts/generate-hanzi-readings.py [/usr/share/unicode/Unihan_Readings.txt.bz2] > resources/pinyin/hanzi-readings.txt

A character's readings, most usual first:
  kMandarin      the customary reading (the first value: mainland China);
  kTGHZ2013      every reading of the character in the 通用规范汉字字典 (2013), the dictionary of
                 the 8,105 characters of the 通用规范汉字表;
  kXHC1983       every reading in the 现代汉语词典 (1983);
  kHanyuPinyin   every reading in the 汉语大字典.
The table is committed, not made at build time, so every build (clinic, center, a developer's
machine) gives the same search keys whatever unicode-data it has; tst_hanzireadings compares
the committed table with this script's output when unicode-data is installed, so an update of
Unihan shows up as a failing test and a regenerated, reviewed diff.
"""
import bz2
import re
import subprocess
import sys

FIELDS = ("kMandarin", "kTGHZ2013", "kXHC1983", "kHanyuPinyin")


def readings_of(field, value):
    if field == "kMandarin":
        return value.split()
    out = []
    for entry in value.split():
        # "0683.040:lè" or "10109.030:qiú,chóu,jū"
        out.extend(entry.split(":", 1)[1].split(","))
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/Unihan_Readings.txt.bz2"
    opener = bz2.open if path.endswith(".bz2") else open
    header = {}
    found = {}
    with opener(path, "rt", encoding="utf-8") as source:
        for line in source:
            if line.startswith("#"):
                match = re.match(r"#\s*(Date|Unicode version):\s*(.*)", line)
                if match:
                    header[match.group(1)] = match.group(2).strip()
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[1] not in FIELDS:
                continue
            code = int(parts[0][2:], 16)
            found.setdefault(code, {})[parts[1]] = readings_of(parts[1], parts[2])
    try:
        package = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "unicode-data"],
                                 capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        package = "unknown"
    out = sys.stdout
    out.write("# Mandarin readings of Han characters, most usual first (see scripts/generate-hanzi-readings.py).\n")
    out.write("# Generated from Unihan_Readings.txt, Unicode %s (%s), Debian unicode-data %s:\n"
              % (header.get("Unicode version", "?"), header.get("Date", "?"), package))
    out.write("# fields kMandarin, kTGHZ2013, kXHC1983, kHanyuPinyin. Do not edit by hand; regenerate.\n")
    out.write("# Unihan: (c) Unicode, Inc., https://www.unicode.org/terms_of_use.html\n")
    for code in sorted(found):
        readings = []
        for field in FIELDS:
            for reading in found[code].get(field, []):
                if reading and reading not in readings:
                    readings.append(reading)
        if readings:
            out.write("%s\t%s\n" % (chr(code), " ".join(readings)))


if __name__ == "__main__":
    main()
