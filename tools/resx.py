#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files: HelloWork.Web/Resources/Ui.resx (Japanese, the neutral language)
and Ui.en.resx (English). Usage: tools/resx.py [--res NAME] Key "日本語" "English" [Key "日本語" "English" ...]
--res NAME writes Resources/NAME.resx and NAME.en.resx instead (one resource class per area: Ui, Jobseeker, Employer,
Staff, Agency ...; each needs a marker class `public sealed class NAME;` in HelloWork.Web/Resources).
Keys are English; values are the real Japanese labels (REFERENCE.md) and their English counterparts."""
import sys, os
from xml.sax.saxutils import escape
import xml.etree.ElementTree as ET

HERE = os.path.join(os.path.dirname(__file__), "..", "HelloWork.Web", "Resources")
HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def load(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.find("value").text or "") for d in root.findall("data")}

def save(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for k in sorted(entries):
            f.write(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        f.write("</root>\n")

def main(args):
    name = "Ui"
    if args[:1] == ["--res"]:
        name, args = args[1], args[2:]
    if len(args) % 3 != 0:
        sys.exit("arguments come in threes: Key Japanese English")
    ja_path, en_path = os.path.join(HERE, name + ".resx"), os.path.join(HERE, name + ".en.resx")
    ja, en = load(ja_path), load(en_path)
    for i in range(0, len(args), 3):
        ja[args[i]], en[args[i]] = args[i + 1], args[i + 2]
    save(ja_path, ja)
    save(en_path, en)

if __name__ == "__main__":
    main(sys.argv[1:])
