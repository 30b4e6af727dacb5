#!/usr/bin/env python3
"""Writes the committed seed corpus of the `analyze_bytes` fuzz target (fuzz/seeds/analyze_bytes/).

Small on purpose: the head and the tail of each seed article (where the chrome is: menus, tag
lists, "ALSO READ" lists, copyright), a few body paragraphs, and hand-written hostile pastes
(line endings, NUL and control bytes, invalid UTF-8, RTL, combining marks, emoji, HTML/JS).
Run from the repo root: python3 fuzz/make_seeds.py
"""
import pathlib

root = pathlib.Path(__file__).resolve().parent
out = root / "seeds" / "analyze_bytes"
out.mkdir(parents=True, exist_ok=True)
seeds = sorted((root.parent.parent / "shared" / "seeds").glob("*.txt"))
for p in seeds:
    data = p.read_bytes()
    stem = p.stem.split("_")[0]
    (out / f"seed{stem}_head").write_bytes(data[:1200])
    (out / f"seed{stem}_tail").write_bytes(data[-1200:])
    (out / f"seed{stem}_crlf").write_bytes(data[:800].replace(b"\n", b"\r\n"))
    (out / f"seed{stem}_cr").write_bytes(data[-800:].replace(b"\n", b"\r"))
hostile = {
    "empty": b"",
    "blank_lines": b"\n\n\r\n\r \t\n\xc2\xa0\n",
    "nul_controls": b"Home\x00\nThe leaders met on Tuesday.\x1b[31m\x07\n\x00\x00",
    "invalid_utf8": b"By Jane Doe\n\xff\xfe\xc3\x28 met \xe2\x82\n\xf0\x28\x8c\x28 in Geneva.",
    "rtl_combining": "التقى الزعيمان يوم الثلاثاء في جنيف.\n\u202bשלום\u202c\nCafe\u0301 Z\u036ba\u033el\u034cg\u035bo".encode(),
    "emoji": "Fans cheered \U0001F468\u200d\U0001F469\u200d\U0001F467 \U0001F1FA\U0001F1E6 as the team won.\n\u200d\u200c\u200b\ufeff".encode(),
    "html_js": b"<img src=x onerror=\"window.__pwned=1\">\n<script>alert(1)</script>\n<a href=\"javascript:alert(1)\">ALSO READ</a>\n</script>",
    "dates_markers": b"Wed, 12 Mar 2025 23:04:37 GMT\nALSO READ\nREAD MORE ON:\n- Tags:\n(With inputs from agencies.)\n\xc2\xa9 2025 Example. All Rights Reserved.",
}
for name, data in hostile.items():
    (out / name).write_bytes(data)
print(f"wrote {len(list(out.iterdir()))} files to {out}")
