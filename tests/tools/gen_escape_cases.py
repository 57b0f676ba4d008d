#!/usr/bin/python3
"""Writes tests/runtime/data/escape_cases.json: inputs for Squall's escape functions and the
outputs real tornado.escape 6.2 gives for them. The C++ tests compare byte for byte.

Run with Debian's interpreter (the only one that sees tornado 6.2) from the repository root:
    /usr/bin/python3 tests/tools/gen_escape_cases.py

Each case is {"fn", "input", "args", "expected"} or, when the expected result is a Python
exception, {"fn", "input", "args", "error"} with the exception class name. Text that is not
valid UTF-8 is stored as {"hex": "..."} instead of a string.

Invalid UTF-8 inputs: Tornado only ever sees `str` or raises UnicodeDecodeError on bytes,
while Squall's functions are byte-transparent (docs/escaping.md). Their expected outputs are
still Tornado's, computed on `bytes.decode("utf-8", "surrogateescape")` and encoded back the
same way, so "byte-transparent" means "what Tornado does with each bad byte as an opaque
character". url_escape accepts bytes in Tornado and is called on them directly; json strings
follow the documented U+FFFD replacement (`decode("utf-8", "replace")`), except for the
three bytes of a surrogate, which json.dumps escapes (`"\\ud800"`).
"""
import html
import json
import sys

import tornado
import tornado.escape as E

OUT = "tests/runtime/data/escape_cases.json"
SE = "surrogateescape"

cases = []


def text_value(s):
    """Stores str `s` (which may hold surrogate escapes) as JSON text or hex bytes."""
    raw = s.encode("utf-8", SE) if isinstance(s, str) else s
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return {"hex": raw.hex()}


def add(fn, value, expected_fn, **args):
    case = {"fn": fn, "input": text_value(value), "args": args}
    try:
        case["expected"] = text_value(expected_fn(value))
    except Exception as e:  # a Python exception is an expected outcome too
        case["error"] = type(e).__name__
    cases.append(case)


def from_bytes(raw):
    return raw.decode("utf-8", SE)


ASCII = [chr(i) for i in range(128)]
ALL_ASCII = "".join(ASCII)
NON_ASCII = ["é", "ü", "ß", "€", "中文", "日本語テキスト", "😀", "𝒳", "a\u0301", "\u200b", "\ufeff"]
INVALID = [b"\xff", b"a\x80b", b"\xc3", b"\xc3(", b"\xe2\x82", b"\xed\xa0\x80", b"\xf0\x9f\x98",
           b"\xf4\x90\x80\x80", b"\xc0\xaf", b"<\xfe&>", b"\xe0\x80\x80", b"ok\xf8\x88\x80\x80\x80"]


def gen_xhtml_escape():
    for s in ASCII + [ALL_ASCII, "&<>\"'", "a&amp;b", "&&&", "<<>>", "''\"\"", "plain text"]:
        add("xhtml_escape", s, E.xhtml_escape)
    for s in NON_ASCII + ["<é>&'😀\"", "x" * 100 + "<" + "y" * 100]:
        add("xhtml_escape", s, E.xhtml_escape)
    for raw in INVALID:
        add("xhtml_escape", from_bytes(raw), E.xhtml_escape)
    # 6.4+ delegates to html.escape(quote=True); that is what QuoteEntity::Hex follows.
    for s in [ALL_ASCII, "it's <b>", "'''", "é'😀", "no quotes"]:
        add("xhtml_escape_hex", s, lambda v: html.escape(v, quote=True))


def gen_xhtml_unescape():
    named = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&copy;", "&AElig;",
             "&aelig;", "&Omega;", "&hearts;", "&thetasym;", "&AMP;", "&Amp;", "&ampx;",
             "&amp", "amp;", "&nosuch;", "& amp;", "&am p;", "&&amp;", "&amp;&amp;",
             "&amp;lt;", "&;", "&#;", "&#x;", "&#X;", "&_;", "&é;", "&中;", "a&b;c",
             "&sup2;", "&frac12;", "&there4;", "&sup2", "&lt;&gt;&quot;&#39;&amp;"]
    numeric = ["&#65;", "&#065;", "&#0;", "&#9;", "&#10;", "&#39;", "&#128;", "&#233;",
               "&#8364;", "&#128512;", "&#1114111;", "&#1114112;", "&#2147483647;",
               "&#2147483648;", "&#99999999999999999999999;", "&#55296;", "&#57343;",
               "&#1_0;", "&#1__0;", "&#_10;", "&#10_;", "&#-1;", "&#+1;", "&#1a;",
               "&#١٢٣;", "&#²;", "&#٣_٤;", "&#６５;"]
    hexa = ["&#x41;", "&#X41;", "&#x41", "&#xe9;", "&#xE9;", "&#x1F600;", "&#x1f600;",
            "&#x10FFFF;", "&#x110000;", "&#x7FFFFFFF;", "&#x80000000;", "&#xD800;",
            "&#xDFFF;", "&#x0x41;", "&#x0X41;", "&#x0x_41;", "&#x_41;", "&#x4_1;", "&#xx41;",
            "&#0x41;", "&#xg;", "&#x١f;", "&#xＡ;", "&#x;", "&#x0;", "&#x00000041;",
            "&#x1F600;&#x1F600;", "&#00000000065;", "&#xD83D;&#xDE00;", "&#xdbff;x"]
    mixed = ["a &lt; b &amp;&amp; c &gt; d", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
             "&amp;amp;", "&#38;#38;", "caf&eacute; &euro;5", "&lt&gt;", "&#x26;lt;",
             "text with no entities", "", "&", "&&", "&#", "&#x"]
    for s in named + numeric + hexa + mixed:
        add("xhtml_unescape", s, E.xhtml_unescape)


def gen_url():
    for s in ASCII + [ALL_ASCII]:
        add("url_escape", s, E.url_escape)
        add("url_escape", s, lambda v: E.url_escape(v, plus=False), plus=False)
    for s in NON_ASCII + ["a b/c+d~-_.!*'();:@$,?#[]&=é", "/path/to file?q=1&r=2"]:
        add("url_escape", s, E.url_escape)
        add("url_escape", s, lambda v: E.url_escape(v, plus=False), plus=False)
    for raw in INVALID:  # Tornado's url_escape takes bytes as they are
        add("url_escape", raw, E.url_escape)
    unquoted = ["a+b", "a%20b", "a%2Bb", "a%2bb", "%41%42%43", "%", "%%", "%4", "%4g", "%g4",
                "100%", "%zz%41", "%C3%A9", "%c3%a9", "%C3", "%C3%28", "%E2%82", "%E2%82%AC",
                "%ED%A0%80", "%F0%9F%98%80", "%F0%9F%98", "%F4%90%80%80", "%C0%AF", "%FF%FE",
                "%E0%80%80", "é%C3%A9", "%C3é%A9", "%C3+%A9", "+++", "%2F%2f/", "a%00b",
                "%e2%82%ac%e2%82", "中%E4%B8%AD文", "%F0%9F%98%80😀%F0", ""]
    for s in unquoted:
        add("url_unescape", s, E.url_unescape)
        add("url_unescape", s, lambda v: E.url_unescape(v, plus=False), plus=False)
    for raw in [b"%C3\xff%A9", b"\xc3%A9", b"a+\x80+b"]:
        add("url_unescape", from_bytes(raw), E.url_unescape)


def gen_squeeze():
    for i in range(0x21):
        add("squeeze", "a" + chr(i) + chr(i) + "b" + chr(i), E.squeeze)
    for s in ["  a \n\t b\x00\x1f c  ", "\u00a0a\u00a0 b\u00a0\u3000", "\x85x\x85", "\u2028 x \u2029",
              "\u3000\u3000", "a\u3000\u3000b", "\x7f a \x7f", "\x0b\x0c", "\u200b x \u200b",
              "\u180e x", "\ufeff x \ufeff", "\x1c\x1d\x1e\x1f", "", " ", "one", "é  é",
              " \u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f x",
              "\u1680a\u1680", "a" + ALL_ASCII + "b", "日本  語\n\nテキスト"]:
        add("squeeze", s, E.squeeze)
    for raw in [b" \xff ", b"a \x80 b", b"\xc2 \xa0"]:
        add("squeeze", from_bytes(raw), E.squeeze)


def json_string(value):
    return E.json_encode(value)


def gen_json():
    for s in ASCII + [ALL_ASCII]:
        add("json_string", s, json_string)
    for s in NON_ASCII + ["</script>", "<//", "<</", "a</b</c", "</", "<", "/", "<!-- -->",
                          "\u2028\u2029", "\u007f\u0080\u009f\u00a0", "\U0001F600\U00010000",
                          "\U0010FFFF", "\uffff\ufffe", "quote\"back\\slash", ""]:
        add("json_string", s, json_string)
    for raw in INVALID:
        # The three bytes of a surrogate are how Squall holds chr(0xD800) (docs/runtime.md):
        # json.dumps escapes the surrogate.
        errors = "surrogatepass" if raw == b"\xed\xa0\x80" else "replace"
        add("json_string", raw, lambda b: json_string(b.decode("utf-8", errors)))


def extra_params_callback(href):
    """The callable extra_params; the C++ test has the same function."""
    if "example" in href:
        return '  rel="nofollow" data-len="%d"  ' % len(href)
    return "  "


LINK_TEXTS = [
    "hello http://world.com/!", "hello http://world.com/with?param=true&stuff=yes",
    "http://foo.com/blah_blah_(wikipedia) (see http://x.com)",
    "http://x.com. http://x.com, http://www.example.com/wpstyle/?p=364.",
    "http://url.com/withmany....... http://url.com/withmany((((a)", "www.example.com",
    "ftp://e.com mailto:a@b.com javascript://x HTTP://X.COM", "javascript:alert(1)",
    "abchttp://x.com _www.x.com http:////four http:// www.", "file:///etc/passwd",
    "<http://x.com/a&b> \"http://x.com\" http://x.com/'q' http://x.com/\"q\"",
    "(http://x.com) [http://x.com] {http://x.com} <http://x.com>", "'http://x.com'",
    "http://x.com/a?b=c&amp;d=e http://x.com/&quot; http://x.com/&lt;",
    "http://127.0.0.1:8080/path http://[::1]:80/ http://10.0.0.1",
    "http://user:pass@host.com/ user@host.com http://user@host.com:21/x",
    "visit www.example.com/path?x=1, or www.example.org.", "www.x www..x wwwx.com Www.x.com",
    "http://x.com/path_ http://x.com/path- http://x.com/path/ http://x.com/path~ http://x.com/path=",
    "http://x.com! http://x.com? http://x.com: http://x.com; http://x.com' http://x.com\"",
    "http://x.com/a(b)c(d) http://x.com/(a(b)) http://x.com/a)b", "a-http://x.com -http://x.com",
    "x-y://host.com/ my_proto://h/ 1http://h/ https://secure.example.com/",
    "http://例子.测试/路径 http://пример.рф/путь http://x.com/ü/ö", "ûhttp://x.com éwww.x.com",
    "http://x.com/😀 😀http://x.com 中www.x.com", "http://x.com/٣٤ ٣http://y.com ²www.x.com",
    "http\u00e9://x.com/ é-http://x.com", "http://x.com\u00a0y http://x.com\u3000y http://x.com\u2028y",
    "http://x.com\x85y http://x.com\x0by http://x.com\x1cy http://x.com\ty",
    "http://www.example.com/this/is/a/very/long/path/to/something?x=1&y=2",
    "http://www.example.com/thisisaverylongsegmentname.html?q=1",
    "http://averyveryveryveryveryveryveryverylonghostname.example.com",
    "http://a.com/b&c&d&e&f&g&h&i&j&k&l&m&n&o&p&q&r&s&t",
    "http://x.com/?q=a&r=b&s=c&t=d&u=e&v=f&w=g",
    "http://example.com/a&b/cdefghijklmnopqrstuvwxyz0123456789",
    "www.averyveryveryverylonghostname.example.com/some/long/path",
    "http://example.com/12345678901234567890123456", "http://example.com/1234567.90/rest/of/path",
    "http://example.com/ab?cdefgh/rest/of/the/path/here", "https://example.com//double/slash/path/x",
    "http://exämple.com/päth/with/ümlauts/that/is/long", "http://例子例子例子例子例子.com/路径路径路径路径路径路径/x",
    "http://x.com/" + "a" * 40 + "&b", "http://x.com/?" + "a" * 20 + "&" + "b" * 20,
    "ftp://files.example.com/pub/a/very/long/path/file.tar.gz",
    "http://x.com/'quote'/and/more/stuff/after/it", "text http://x.com/a\"b\"c/d/e/f/g/h/i/j more",
    "no links here", "", "http://", "http://x", "https:/x.com", "http:x.com",
    "mailto://a@b.com mailto:a@b.com", "HTTPS://X.COM http://X.com",
    "http://a.com/http://b.com http://a.com,http://b.com http://a.com)http://b.com",
    "(http://a.com)(http://b.com) http://a.com.http://b.com http://a.com/&http://b.com",
    "wwww.x.com www.www.x.com a.www.x.com -www.x.com a-www.x.com WWW.x.com",
    "a_b://x.com -://x.com --http://x.com a--b://x.com h2://x.com 9://x.com _://x.com",
    "http://x.com/&amp; http://x.com/a&quot; http://x.com/\" http://x.com<b> http://x.com/a&#39;",
    "http://x.com/path?a=1&b=2#frag\thttp://y.com\nwww.z.com\r\nhttp://w.com",
    "http://x.com/e\u0301 http://x.com/\u0301x \u0301http://x.com x\u0301www.x.com",
    "proto" * 30 + "://x.com/", "proto" * 8 + ":// x", "proto" * 8 + ":/// x", "proto" * 8 + "://// x",
    "proto" * 8 + ":/... x", "proto" * 8 + "://x", "proto" * 8 + ":/ x", "http://... http:///) http://(a)", "1.http://x.com 1www.x.com ,www.x.com .www.x.com",
]
LINK_TEXTS += ["http://example.com/" + "a" * (n - 19) for n in range(28, 49)]
LINK_TEXTS += ["http://example.com/" + "b" * (n - 21) + "/c" for n in range(28, 49, 3)]
LINK_TEXTS += ["www.example.com/" + "x" * k + "&" + "y" * 20 for k in range(3, 16, 2)]
LINK_TEXTS += ["http://" + "h" * k + "&amp;" + "z" * 30 for k in range(14, 24, 2)]

INVALID_LINK_TEXTS = [
    b"\xffhttp://x.com/a\xffb http://y.com/\xc3", b"a\xe9http://x.com \xe9www.x.com",
    b"http://x.com/\xe2\x82/\xe2\x82\xac/\x80\x80\x80\x80/long/path/here/x",
    b"http://x.com/" + b"\xff" * 40, b"www.\xf0\x9f\x98.com/" + b"\xc0" * 20 + b"&b",
]


def gen_linkify():
    option_sets = [
        {},
        {"shorten": True},
        {"require_protocol": True},
        {"permitted_protocols": ["http", "https", "ftp", "mailto", "javascript", "file"]},
        {"permitted_protocols": []},
        {"extra_params": '  rel="nofollow" class="external"  '},
        {"extra_params": "   "},
        {"extra_params": "callback"},
        {"shorten": True, "extra_params": "callback", "require_protocol": True},
        {"shorten": True, "extra_params": 'rel="x"', "permitted_protocols": ["ftp", "http"]},
    ]
    for text in LINK_TEXTS:
        for opts in option_sets:
            kwargs = dict(opts)
            if kwargs.get("extra_params") == "callback":
                kwargs["extra_params"] = extra_params_callback
            add("linkify", text, lambda v, kw=kwargs: E.linkify(v, **kw), **opts)
    for raw in INVALID_LINK_TEXTS:
        for opts in option_sets:
            if opts.get("extra_params") != "callback":
                add("linkify", from_bytes(raw), lambda v, kw=opts: E.linkify(v, **kw), **opts)


def main():
    gen_xhtml_escape()
    gen_xhtml_unescape()
    gen_url()
    gen_squeeze()
    gen_json()
    gen_linkify()
    doc = {
        "generator": "tests/tools/gen_escape_cases.py",
        "tornado": tornado.version,
        "python": sys.version.split()[0],
        "cases": cases,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(cases)} cases written to {OUT}")


if __name__ == "__main__":
    main()
