#!/usr/bin/env python3
"""Recomputes a Replay Harness recording's key from its request (docs/recording-format.md).
Usage: canonical_key.py FILE...   Prints "<key> <file>"; exits 1 if a file name does not match."""
import base64, decimal, json, os, re, sys, urllib.parse, hashlib

def num(x):  # ECMAScript Number.prototype.toString of the IEEE-754 double, as RFC 8785 requires
    if x == 0: return "0"
    sign, digits, exp = decimal.Decimal(repr(abs(x))).normalize().as_tuple()
    d, n = "".join(map(str, digits)), len(digits) + exp
    s = (d + "0" * (n - len(d)) if len(d) <= n <= 21 else d[:n] + "." + d[n:] if 0 < n <= 21
         else "0." + "0" * -n + d if -6 < n <= 0
         else d[0] + ("." + d[1:] if len(d) > 1 else "") + "e" + ("+" if n > 0 else "-") + str(abs(n - 1)))
    return ("-" if x < 0 else "") + s

def jcs(v):
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + jcs(v[k]) for k in keys) + "}"
    if isinstance(v, list): return "[" + ",".join(map(jcs, v)) + "]"
    if isinstance(v, float): return num(v)
    return json.dumps(v, ensure_ascii=False)

def key(recording):
    req = recording["request"]
    if req.get("normalizers"): sys.exit("normalizers are not implemented in this reference script")
    url = urllib.parse.urlsplit(req["url"])
    # each segment percent-decoded, then every byte but A-Z a-z 0-9 - . _ ~ encoded as upper-case %XX
    path = "/".join(urllib.parse.quote(urllib.parse.unquote_to_bytes(s), safe="") for s in url.path.split("/"))
    form = {"method": req["method"], "path": path or "/"}
    if url.query:
        form["query"] = sorted([p.partition("=")[0], p.partition("=")[2]] for p in url.query.split("&") if p)
    body = req.get("body", {})
    if "json" in body: form["body"] = body["json"]
    elif "text" in body: form["bodyBase64"] = base64.b64encode(body["text"].encode()).decode()
    elif "base64" in body: form["bodyBase64"] = body["base64"]
    if "testId" in recording: form["test"] = recording["testId"]
    return hashlib.sha256(jcs(form).encode()).hexdigest()

bad = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        k = key(json.load(f, parse_float=float, parse_int=lambda s: float(int(s))))
    bad += not re.fullmatch(k + r"(-[1-9][0-9]*)?\.json", os.path.basename(path))
    print(k, path)
sys.exit(1 if bad else 0)
