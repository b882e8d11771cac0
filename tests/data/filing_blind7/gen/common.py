"""Shared helpers for the filing7 generators (each gen_k*.py writes its notice and its key)."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)  # /work/blind/filing7


def overall(expected):
    vals = set(expected.values())
    return "不符合" if "❌" in vals else "待确认" if "❔" in vals else "符合"


def profile(programme, facts, **marks):
    return {"programme": programme, "facts": facts, "expected": marks, "overall": overall(marks)}


def cond(kind, value, quote, programme=None, includes_leader=None):
    return {
        "programme": programme,
        "kind": kind,
        "value": value,
        "includes_leader": includes_leader,
        "quote": quote,
    }


def field(label, type_, options=None, columns=None):
    f = {"label": label, "type": type_}
    if options is not None:
        f["options"] = options
    if columns is not None:
        f["columns"] = columns
    return f


def write_key(fname, key):
    key = {"file": fname, **key}
    order = [
        "file",
        "closed",
        "deadline",
        "programmes",
        "conditions",
        "forms",
        "outline",
        "checklist",
        "profiles",
    ]
    key = {k: key[k] for k in order}
    with open(os.path.join(OUT, fname + ".expected.json"), "w", encoding="utf-8") as fh:
        json.dump(key, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def out(fname):
    return os.path.join(OUT, fname)
