#!/usr/bin/env python3
"""Resolves a git merge conflict in .resx files by taking the union of both sides' entries (ours wins on the same key
unless only theirs changed it from the merge base). Usage during a conflicted merge: tools/resx-union.py PATH [PATH ...]"""
import subprocess, sys, os
sys.path.insert(0, os.path.dirname(__file__))
import xml.etree.ElementTree as ET
from importlib import import_module
resx = import_module("resx")

def entries(stage, path):
    try:
        text = subprocess.run(["git", "show", f":{stage}:{path}"], capture_output=True, check=True).stdout
    except subprocess.CalledProcessError:
        return {}
    root = ET.fromstring(text)
    return {d.get("name"): (d.find("value").text or "") for d in root.findall("data")}

for path in sys.argv[1:]:
    base, ours, theirs = entries(1, path), entries(2, path), entries(3, path)
    merged = dict(theirs)
    for k, v in ours.items():
        if k not in theirs or theirs[k] == base.get(k) or v != base.get(k):
            merged[k] = v
    resx.save(path, merged)
    subprocess.run(["git", "add", path], check=True)
    print(f"{path}: {len(merged)} entries")
