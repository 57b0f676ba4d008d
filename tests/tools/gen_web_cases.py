#!/usr/bin/python3
"""Generates tests/web/data/web-cases.json and the translation files under tests/web/data/
(CSV in UTF-8, UTF-8 with a BOM and UTF-16; gettext .mo catalogs): squall::web's expected
values, computed by real Tornado 6.2 (signed cookies, XSRF tokens, static_url, reverse_url,
locale selection, translations, format_date / format_day / list / friendly_number, and
templates rendered with a RequestHandler's namespace). Run with Debian's python3 (it sees
python3-tornado) from anywhere:

    /usr/bin/python3 tests/tools/gen_web_cases.py

Clocks and random bytes are fixed, so the output is the same on every run.
"""
import datetime
import json
import os
import shutil
import struct
import sys
import types

import tornado.locale
import tornado.web
from tornado.httputil import HTTPHeaders, HTTPServerRequest
from tornado.web import create_signed_value, decode_signed_value

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "web", "data"))
NOW = 1700000000  # 2023-11-14 22:13:20 UTC, a Tuesday


def clock():
    return NOW


# -- Deterministic randomness and time inside tornado.web.
class Urandom:
    def __init__(self):
        self.n = 0

    def __call__(self, size):
        out = bytes((self.n + i * 37 + 11) % 256 for i in range(size))
        self.n += 1
        return out


tornado.web.os.urandom = Urandom()
tornado.web.time = types.SimpleNamespace(time=lambda: NOW + 0.25)

CASES = {}


def add(section, **case):
    CASES.setdefault(section, []).append(case)


def text(b):
    return b.decode() if isinstance(b, bytes) else b


# ---------------------------------------------------------------------------------------
# Signed values
SECRET = "squall-secret-key"
KEYS = {0: "key-zero", 1: "key-one", 7: "key-seven"}

for version in (1, 2):
    for name, value in [("user", "ann"), ("session", "a|b:c=d"), ("u", ""), ("x", "héllo ☃"),
                        ("long", "v" * 100)]:
        add("signed_create", secret=SECRET, name=name, value=value, version=version, clock=NOW,
            expected=text(create_signed_value(SECRET, name, value, version=version, clock=clock)))
for kv in (0, 1, 7):
    add("signed_create", keys={str(k): v for k, v in KEYS.items()}, key_version=kv, name="user",
        value="bob", version=2, clock=NOW,
        expected=text(create_signed_value(KEYS, "user", "bob", clock=clock, key_version=kv)))
add("signed_create", secret=SECRET, name="user", value="ann", version=2, key_version=3, clock=NOW,
    expected=text(create_signed_value(SECRET, "user", "ann", clock=clock, key_version=3)))


def decode_case(label, value, name="user", secret=SECRET, keys=None, now=NOW, max_age_days=31,
                min_version=None):
    sec = {k: v for k, v in keys.items()} if keys else secret
    got = decode_signed_value(sec, name, value, max_age_days=max_age_days, clock=lambda: now,
                              min_version=min_version)
    case = dict(label=label, value=value, name=name, now=now, max_age_days=max_age_days,
                min_version=min_version or 1, expected=None if got is None else text(got))
    if keys:
        case["keys"] = {str(k): v for k, v in keys.items()}
    else:
        case["secret"] = secret
    add("signed_decode", **case)


v2 = text(create_signed_value(SECRET, "user", "ann", clock=clock))
v1 = text(create_signed_value(SECRET, "user", "ann", version=1, clock=clock))
decode_case("v2 valid", v2)
decode_case("v1 valid", v1)
decode_case("v1 rejected by min_version 2", v1, min_version=2)
decode_case("v2 wrong name", v2, name="admin")
decode_case("v2 wrong secret", v2, secret="other")
decode_case("v2 tampered value", v2.replace("YW5u", "Ym9i"))
decode_case("v2 tampered signature", v2[:-1] + ("0" if v2[-1] != "0" else "1"))
decode_case("v2 truncated", v2[:-10])
decode_case("v2 expired", v2, now=NOW + 32 * 86400)
decode_case("v2 just inside max age", v2, now=NOW + 31 * 86400 - 1)
decode_case("v2 max_age_days 1 expired", v2, now=NOW + 2 * 86400, max_age_days=1)
decode_case("v2 max_age_days 0.5 fresh", v2, now=NOW + 3600, max_age_days=0.5)
decode_case("v1 expired", v1, now=NOW + 40 * 86400)
decode_case("v1 timestamp in the future", v1, now=NOW - 32 * 86400)
decode_case("v1 tampered", v1.replace("YW5u", "Ym9i"))
decode_case("empty", "")
decode_case("garbage", "not a cookie")
decode_case("unknown version", "3|1:0|10:1700000000|4:user|4:YW5u|abc")
decode_case("bad field length", "2|1:0|10:170000000|4:user|4:YW5u|abc")
decode_case("v2 missing fields", "2|1:0|10:1700000000")
decode_case("big number is v1", "1000|abc|def")
decode_case("v2 unicode value", text(create_signed_value(SECRET, "x", "héllo ☃", clock=clock)), name="x")
decode_case("v2 empty value", text(create_signed_value(SECRET, "u", "", clock=clock)), name="u")
decode_case("v1 leading zero timestamp",
            "YW5u|0" + str(NOW) + "|" + tornado.web._create_signature_v1(SECRET, "user", "YW5u", "0" + str(NOW)).decode())
for kv in (0, 1, 7):
    signed = text(create_signed_value(KEYS, "user", "bob", clock=clock, key_version=kv))
    decode_case("key ring version %d" % kv, signed, keys=KEYS)
rotated = text(create_signed_value(KEYS, "user", "bob", clock=clock, key_version=1))
decode_case("key ring missing version", rotated, keys={0: "key-zero", 7: "key-seven"})
decode_case("key ring reads single-secret value", text(create_signed_value("key-zero", "user", "bob", clock=clock)), keys=KEYS)
for value in [v2, rotated, v1, "", "2|x"]:
    kv = tornado.web.get_signature_key_version(value) if value else None
    add("signed_key_version", value=value, expected=kv)


# ---------------------------------------------------------------------------------------
# Handlers without a server
class Connection:
    def set_close_callback(self, callback):
        pass


class Handler(tornado.web.RequestHandler):
    def get(self, *args):
        pass


STATIC = os.path.join(DATA, "static")
TEMPLATES = os.path.join(DATA, "templates")
CSV_DIR = os.path.join(DATA, "locale_csv")
CSV16_DIR = os.path.join(DATA, "locale_csv_utf16")
MO_DIR = os.path.join(DATA, "locale_mo")


def upper_method(handler, s, suffix="!"):
    return s.upper() + suffix + "(" + handler.request.path + ")"


def make_app(**settings):
    base = dict(static_path=STATIC, template_path=TEMPLATES, cookie_secret=SECRET,
                ui_methods={"upper_method": upper_method})
    base.update(settings)
    return tornado.web.Application([
        tornado.web.url(r"/n/(\d+)/([^/]+)", Handler, name="named"),
        tornado.web.url("/plain", Handler, name="plain"),
        tornado.web.url(r"^/anchored/(\w+)$", Handler, name="anchored"),
        tornado.web.url(r"/dot\.html", Handler, name="escaped_dot"),
        tornado.web.url(r"/nested/((a)b)", Handler, name="nested"),
        tornado.web.url(r"/noncap/(?:x)(\d+)", Handler, name="noncapturing"),
        tornado.web.url(r"/class/\d+", Handler, name="class_escape"),
        tornado.web.url(r"/opt/(\d+)?", Handler, name="optional"),
    ], **base)


def make_handler(app, path="/", method="GET", headers=None, body=b""):
    request = HTTPServerRequest(method=method, uri=path, headers=HTTPHeaders(headers or {}),
                                body=body, host="example.com", connection=Connection())
    request._parse_body()
    return Handler(app, request)


# ---------------------------------------------------------------------------------------
# Request parsing: arguments (query and form body) and cookies.
for query, body, cookie in [("a&b=&c=1&=x&&d=%41+b", "", "k=v; other=\"quo\\\"ted\"; path=/x; bad key=1; =z; e=%41"),
                            ("x=1&x=2&y=%E2%98%83", "x=3&z=+", "a=1;b=2 ; c = 3 ;d"),
                            ("", "", "Path=1; EXPIRES=2; ok=\"\\101\""), ("q=a%2Fb%zz", "", "")]:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if cookie:
        headers["Cookie"] = cookie
    h = make_handler(make_app(), path="/?" + query if query else "/", method="POST", headers=headers,
                     body=body.encode())
    add("request_parse", query=query, body=body, cookie=cookie,
        arguments={k: [v.decode() for v in vs] for k, vs in h.request.arguments.items()},
        cookies={k: m.value for k, m in h.request.cookies.items()},
        argument_x=h.get_argument("x", None))

# ---------------------------------------------------------------------------------------
# XSRF
tornado.web.os.urandom.n = 0
for token_hex, timestamp, mask_hex in [("00112233445566778899aabbccddeeff", 1700000000, "01020304"),
                                       ("ffffffffffffffffffffffffffffffff", 1, "a5a5a5a5"),
                                       ("0a0b0c0d0e0f", 1700000000, "01020304")]:
    mask = bytes.fromhex(mask_hex)
    token = bytes.fromhex(token_hex)
    v2_token = b"|".join([b"2", mask.hex().encode(), tornado.web._websocket_mask(mask, token).hex().encode(),
                          str(timestamp).encode()])
    add("xsrf_encode", token=token_hex, timestamp=timestamp, mask=mask_hex, version=2, expected=v2_token.decode())
    add("xsrf_encode", token=token_hex, timestamp=timestamp, mask=mask_hex, version=1, expected=token.hex())

app = make_app(xsrf_cookies=True)
for value in ["2|01020304|0a0b0c0d0e0f|1700000000", "00112233445566778899aabbccddeeff",
              "not hex at all", "3|abc", "2|0102|0a0b|5", "2|zz020304|0a0b|5", "2|01020304|0a0b",
              "2|01020304|0a0b|x", "2|01020304|0a0b0c|1|2", ""]:
    h = make_handler(app)
    got = h._decode_xsrf_token(value) if value else (None, None, None)
    version, token, ts = got
    add("xsrf_decode", value=value, now=NOW + 0.25,
        expected=None if token is None else {"version": version, "token": token.hex(), "timestamp": int(ts)})

# Tokens a page gets: fresh, from a v2 cookie, from a v1 cookie, version-1 output.
for label, cookie, version in [("fresh", None, 2), ("from v2 cookie", "2|01020304|0a0b0c0d0e0f|1600000000", 2),
                               ("from v1 cookie", "00112233445566778899aabbccddeeff", 2),
                               ("version 1 output", None, 1), ("v1 output from v2 cookie", "2|01020304|0a0b0c0d0e0f|1600000000", 1)]:
    tornado.web.os.urandom.n = 0
    h = make_handler(make_app(xsrf_cookies=True, xsrf_cookie_version=version),
                     headers={"Cookie": "_xsrf=" + cookie} if cookie else None)
    token = h.xsrf_token.decode()
    set_cookie = h._new_cookie["_xsrf"].OutputString() if getattr(h, "_new_cookie", None) and "_xsrf" in h._new_cookie else None
    add("xsrf_page", label=label, cookie=cookie, version=version, token=token, set_cookie=set_cookie,
        form_html=h.xsrf_form_html())


def check_case(label, cookie, form=None, header=None, header_name="X-Xsrftoken", method="POST"):
    headers = {}
    if cookie is not None:
        headers["Cookie"] = "_xsrf=" + cookie
    if header is not None:
        headers[header_name] = header
    body = b""
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = ("_xsrf=" + form).encode()
    h = make_handler(app, method=method, headers=headers, body=body)
    try:
        h.check_xsrf_cookie()
        result = None
    except tornado.web.HTTPError as e:
        result = {"status": e.status_code, "message": e.log_message}
    add("xsrf_check", label=label, cookie=cookie, form=form, header=header, header_name=header_name,
        expected=result)


COOKIE = "2|01020304|0a0b0c0d0e0f|1700000000"
SAME_TOKEN_OTHER_MASK = "2|a0b0c0d0|" + tornado.web._websocket_mask(bytes.fromhex("a0b0c0d0"), tornado.web._websocket_mask(bytes.fromhex("01020304"), bytes.fromhex("0a0b0c0d0e0f"))).hex() + "|1"
check_case("form field matches", COOKIE, form=SAME_TOKEN_OTHER_MASK)
check_case("same value", COOKIE, form=COOKIE)
check_case("header X-Xsrftoken", COOKIE, header=SAME_TOKEN_OTHER_MASK)
check_case("header X-Csrftoken", COOKIE, header=SAME_TOKEN_OTHER_MASK, header_name="X-Csrftoken")
check_case("missing token", COOKIE)
check_case("missing cookie", None, form=COOKIE)
check_case("mismatch", COOKIE, form="2|01020304|0a0b0c0d0e0e|1700000000")
check_case("invalid format", COOKIE, form="3|nope")
check_case("v1 token against v2 cookie", COOKIE, form=tornado.web._websocket_mask(bytes.fromhex("01020304"), bytes.fromhex("0a0b0c0d0e0f")).hex())
check_case("v1 cookie and v1 token", "00112233445566778899aabbccddeeff", form="00112233445566778899aabbccddeeff")

# ---------------------------------------------------------------------------------------
# static_url and reverse_url
app = make_app()
for path, kwargs in [("a.js", {}), ("a.js", {"include_version": False}), ("missing.css", {}),
                     ("/abs.js", {}), ("sub/x.css", {}), ("a.js", {"include_host": True}),
                     ("b.js?x=1", {})]:
    h = make_handler(app)
    add("static_url", path=path, include_version=kwargs.get("include_version", True),
        include_host=kwargs.get("include_host", False), expected=h.static_url(path, **kwargs))


def error_of(e):
    name = type(e).__name__
    message = str(e)
    return {"type": name, "message": message}


for name, args in [("named", [5, "a b/c?"]), ("named", ["x", "é/ü"]), ("plain", []), ("anchored", ["w"]),
                   ("escaped_dot", []), ("named", [1]), ("unknown", []), ("nested", ["x"]),
                   ("noncapturing", [3]), ("class_escape", []), ("optional", [4]), ("plain", [1])]:
    try:
        expected = app.reverse_url(name, *args)
    except Exception as e:  # noqa: BLE001 - the error is the expected value
        expected = error_of(e)
    add("reverse_url", name=name, args=[str(a) for a in args], expected=expected)


# ---------------------------------------------------------------------------------------
# Translations: files written here, then loaded by Tornado.
def write_csv_files():
    shutil.rmtree(CSV_DIR, ignore_errors=True)
    os.makedirs(CSV_DIR)
    es = ('"Hello","Hola"\n"%(n)d apple","%(n)d manzana","singular"\n"%(n)d apples","%(n)d manzanas","plural"\n'
          '"Right","Derecha"\n"Monday","lunes"\n"January","enero"\n"November","noviembre"\n"Tuesday","martes"\n'
          '"%(commas)s and %(last)s","%(commas)s y %(last)s"\n"yesterday at %(time)s","ayer a las %(time)s"\n'
          '"1 minute ago","hace 1 minuto","singular"\n"%(minutes)d minutes ago","hace %(minutes)d minutos","plural"\n'
          '"%(month_name)s %(day)s, %(year)s at %(time)s","%(day)s de %(month_name)s de %(year)s a las %(time)s"\n'
          '  "  spaced  " , " espaciado "  \n"Quote ""in"" text","Cita ""en"" texto"\n"multi\nline","varias\nlíneas"\n'
          '"only one column"\n\n"bad plural","x","several"\n"Empty plural","Vacío",""\n')
    with open(os.path.join(CSV_DIR, "es_ES.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(es)
    with open(os.path.join(CSV_DIR, "fr_FR.csv"), "w", encoding="utf-8-sig", newline="") as f:
        f.write('"Hello","Bonjour"\r\n"Monday","lundi"\r\n')
    # Tornado 6.2 keeps the first file's detected encoding for the files after it, so a
    # UTF-16 file only loads reliably in a directory of its own.
    shutil.rmtree(CSV16_DIR, ignore_errors=True)
    os.makedirs(CSV16_DIR)
    with open(os.path.join(CSV16_DIR, "de_DE.csv"), "w", encoding="utf-16", newline="") as f:
        f.write('"Hello","Hallo"\n"Grüße","Grüße 😀"\n')
    with open(os.path.join(CSV_DIR, "zh_CN.csv"), "w", encoding="utf-8") as f:
        f.write('"Hello","你好"\n')
    with open(os.path.join(CSV_DIR, "fa_IR.csv"), "w", encoding="utf-8") as f:
        f.write('"Hello","سلام"\n')
    with open(os.path.join(CSV_DIR, "he.csv"), "w", encoding="utf-8") as f:
        f.write('"Hello","שלום"\n')
    with open(os.path.join(CSV_DIR, "en.csv"), "w", encoding="utf-8") as f:
        f.write('"Hello","Hi"\n')
    with open(os.path.join(CSV_DIR, "bad-name.csv"), "w", encoding="utf-8") as f:
        f.write('"Hello","Nope"\n')


def write_mo(path, entries, header):
    """A GNU .mo file (little endian) with `entries`: (msgid, msgstr) as Python strings,
    msgid "ctx\\x04id" for contexts, "one\\0many" with msgstr "a\\0b\\0c" for plurals."""
    items = sorted([("", header)] + entries, key=lambda e: e[0].encode())
    ids = [k.encode() for k, _ in items]
    strs = [v.encode() for _, v in items]
    n = len(items)
    originals = 28
    translations = originals + 8 * n
    data = translations + 8 * n
    out = bytearray(struct.pack("<7I", 0x950412DE, 0, n, originals, translations, 0, data))
    blob = bytearray()
    otab, ttab = [], []
    for s in ids:
        otab.append((len(s), data + len(blob)))
        blob += s + b"\0"
    for s in strs:
        ttab.append((len(s), data + len(blob)))
        blob += s + b"\0"
    for length, offset in otab + ttab:
        out += struct.pack("<2I", length, offset)
    out += blob
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(out)


def write_mo_files():
    shutil.rmtree(MO_DIR, ignore_errors=True)
    write_mo(os.path.join(MO_DIR, "es_ES", "LC_MESSAGES", "squall.mo"), [
        ("Hello", "Hola"),
        ("Right", "Derecha"),
        ("law\x04Right", "Derecho"),
        ("%(n)d apple\x00%(n)d apples", "%(n)d manzana\x00%(n)d manzanas"),
        ("stick\x04club\x00clubs", "palo\x00palos"),
        ("club\x00clubs", "club\x00clubes"),
        ("Monday", "lunes"),
    ], "Project-Id-Version: squall\nContent-Type: text/plain; charset=UTF-8\n"
       "Plural-Forms: nplurals=2; plural=(n != 1);\n")
    write_mo(os.path.join(MO_DIR, "pl_PL", "LC_MESSAGES", "squall.mo"), [
        ("%(n)d file\x00%(n)d files", "%(n)d plik\x00%(n)d pliki\x00%(n)d plików"),
        ("Hello", "Cześć"),
    ], "Content-Type: text/plain; charset=UTF-8\n"
       "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n")
    write_mo(os.path.join(MO_DIR, "fr", "LC_MESSAGES", "squall.mo"), [
        ("Hello", "Bonjour"),
        ("%(n)d file\x00%(n)d files", "%(n)d fichier\x00%(n)d fichiers"),
    ], "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=n>1;\n")
    write_mo(os.path.join(MO_DIR, "de_DE", "LC_MESSAGES", "other.mo"), [("Hello", "Hallo")],
             "Content-Type: text/plain; charset=UTF-8\n")


write_csv_files()
write_mo_files()


class FakeDateTime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return FakeDateTime.utcfromtimestamp(NOW)


tornado.locale.datetime = types.SimpleNamespace(datetime=FakeDateTime, timedelta=datetime.timedelta)

ACCEPT = ["es-ES,en;q=0.5", "fr;q=0.9, es;q=0.8", "fr-FR", "FR-fr", "zh-cn", "es", "en", "en-GB", "de-de;q=0",
          "de-de;q=abc, es-es;q=0.1", "pt-BR,pt;q=0.8,es-ES;q=0.8", "x-y-z, he", "he-IL", "fa", "",
          "es-ES;q=0.2, fr-FR;q=0.2", "*", "es_ES", "es-ES;level=1", "de-DE;q=-1, en"]


def translation_cases(kind):
    calls = [
        ("translate", ["Hello"]), ("translate", ["Unknown"]), ("translate", ["%(n)d apple", "%(n)d apples", 1]),
        ("translate", ["%(n)d apple", "%(n)d apples", 3]), ("translate", ["%(n)d apple", "%(n)d apples", 0]),
        ("translate", ["Right"]), ("translate", ["  spaced  "]), ("translate", ["spaced"]),
        ("translate", ['Quote "in" text']), ("translate", ["multi\nline"]), ("translate", ["bad plural"]),
        ("translate", ["Empty plural"]), ("translate", ["Grüße"]),
        ("translate", ["%(n)d file", "%(n)d files", 1]), ("translate", ["%(n)d file", "%(n)d files", 2]),
        ("translate", ["%(n)d file", "%(n)d files", 5]), ("translate", ["%(n)d file", "%(n)d files", 22]),
        ("translate", ["%(n)d file", "%(n)d files", 12]), ("translate", ["%(n)d file", "%(n)d files", 0]),
        ("translate", ["club", "clubs", 1]), ("translate", ["club", "clubs", 2]),
        ("pgettext", ["law", "Right"]), ("pgettext", ["other", "Right"]), ("pgettext", ["law", "Hello"]),
        ("pgettext", ["stick", "club", "clubs", 1]), ("pgettext", ["stick", "club", "clubs", 3]),
        ("pgettext", ["organization", "club", "clubs", 3]), ("pgettext", ["x", "nothing", "nothings", 1]),
        ("pgettext", ["x", "Hello"]),
    ]
    for code in sorted(tornado.locale.get_supported_locales()):
        loc = tornado.locale.get(code)
        for fn, args in calls:
            add("translate", kind=kind, code=code, function=fn, args=args, expected=getattr(loc, fn)(*args))


tornado.locale.load_translations(CSV_DIR)
for header in ACCEPT:
    h = make_handler(make_app(), headers={"Accept-Language": header} if header else None)
    add("locale_select", kind="csv", accept_language=header if header else None, expected=h.locale.code)
for codes in [["es_ES"], ["ES_es"], ["es"], ["en"], ["en_US"], ["fr-FR", "es"], ["a_b_c", "de_DE"], ["zh"], [""], ["he_IL"]]:
    add("locale_closest", kind="csv", codes=codes, expected=tornado.locale.Locale.get_closest(*codes).code)
for code in sorted(tornado.locale.get_supported_locales()):
    loc = tornado.locale.get(code)
    add("locale_info", kind="csv", code=code, name=loc.name, rtl=loc.rtl)
translation_cases("csv")

# Formatting, in every loaded CSV locale.
MINUTE, HOUR, DAY = 60, 3600, 86400
OFFSETS = [0, 1, 49, 50, 89, 90, 150, 29 * MINUTE + 59, 49 * MINUTE + 59, 50 * MINUTE, 90 * MINUTE,
           150 * MINUTE, 23 * HOUR, DAY, DAY + 5 * HOUR, 22 * HOUR + 30 * MINUTE, 2 * DAY, 4 * DAY + HOUR,
           5 * DAY, 100 * DAY, 333 * DAY, 334 * DAY, 800 * DAY, -30, -59, -61, -DAY - 10, -2 * DAY]
for code in ["en_US", "es_ES", "zh_CN", "fr_FR", "en", "he", "fa_IR"]:
    loc = tornado.locale.get(code)
    for off in OFFSETS:
        for opts in [{}, {"relative": False}, {"shorter": True}, {"full_format": True}, {"gmt_offset": 300},
                     {"gmt_offset": -600, "shorter": True}]:
            add("format_date", kind="csv", code=code, date=NOW - off, options=opts,
                expected=loc.format_date(NOW - off, **opts))
    for date in [datetime.datetime(2023, 11, 14, 3, 4, 5), datetime.datetime(2020, 2, 29, 23, 59),
                 datetime.datetime(1999, 1, 1)]:
        for opts in [{}, {"dow": False}, {"gmt_offset": 240}]:
            add("format_day", kind="csv", code=code, date=date.isoformat(), options=opts,
                expected=loc.format_day(date, **opts))
    for parts in [[], ["a"], ["a", "b"], ["a", "b", "c"], ["x", "", "z", "w"]]:
        add("locale_list", kind="csv", code=code, parts=parts, expected=loc.list(parts))
    for value in [0, 7, 123, 1234, 12345, 1234567, -1234, -123, 1000000000000]:
        add("friendly_number", kind="csv", code=code, value=value, expected=loc.friendly_number(value))

tornado.locale.Locale._cache = {}
tornado.locale.load_translations(CSV16_DIR)
translation_cases("csv_utf16")

tornado.locale.Locale._cache = {}
tornado.locale.load_gettext_translations(MO_DIR, "squall")
for header in ["es-ES", "pl", "pl-PL", "fr-FR", "fr", "de-DE", "es"]:
    h = make_handler(make_app(), headers={"Accept-Language": header})
    add("locale_select", kind="gettext", accept_language=header, expected=h.locale.code)
translation_cases("gettext")
for code in ["es_ES", "pl_PL", "fr"]:
    loc = tornado.locale.get(code)
    for off in [90, DAY + 3 * HOUR, 3 * DAY]:
        add("format_date", kind="gettext", code=code, date=NOW - off, options={},
            expected=loc.format_date(NOW - off))

import gettext  # noqa: E402
for formula in ["n != 1", "(n != 1)", "n>1", "0",
                "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
                "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5",
                "n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2", "(n == 1 || n == 2) * 3", "n / 2 - 1",
                "!(n % 7)", "n || 5", "n && 9"]:
    f = gettext.c2py(formula)
    add("plural_formula", formula=formula, results={str(n): f(n) for n in [0, 1, 2, 3, 5, 11, 12, 21, 22, 101, 111]})
for formula in ["n +", "(n", "x", "n ** 2", "n ? 1", "1 2"]:
    try:
        gettext.c2py(formula)
        error = None
    except ValueError as e:
        error = str(e)
    add("plural_formula_error", formula=formula, error=error)

# ---------------------------------------------------------------------------------------
# Templates rendered with the handler namespace (RequestHandler.render_string).
tornado.locale.Locale._cache = {}
tornado.locale._use_gettext = False
tornado.locale.load_translations(CSV_DIR)
for label, template, path, headers in [
    ("helpers", "helpers.html", "/", {}),
    ("locale es", "locale.html", "/", {"Accept-Language": "es-ES,en;q=0.5"}),
    ("locale fallback", "locale.html", "/", {"Accept-Language": "fr;q=0.9, es;q=0.8"}),
    ("request", "request.html", "/plain?b=2&a=1&a=3", {"User-Agent": "squall-test", "Cookie": "k=v; other=\"quoted\""}),
    ("ui method", "ui_method.html", "/n/1/x", {}),
    ("format in template", "format.html", "/", {"Accept-Language": "es-ES"}),
]:
    tornado.web.os.urandom.n = 0
    h = make_handler(make_app(), path=path, headers=headers)
    out = h.render_string(template, entries=["one", "two"], when=datetime.datetime(2023, 11, 13, 9, 5)).decode()
    add("page", label=label, template=template, path=path, headers=headers, expected=out)

with open(os.path.join(DATA, "web-cases.json"), "w", encoding="utf-8") as f:
    json.dump(CASES, f, indent=1, ensure_ascii=False, sort_keys=True)
    f.write("\n")
print("wrote", sum(len(v) for v in CASES.values()), "cases", file=sys.stderr)
