"""Records the Tornado twin's pages as the expected outputs of the C++ site.
    /usr/bin/python3 examples/blog/tornado/record.py
Serves app.py on a free loopback port with a new seeded database and writes each page's
exact bytes to ../expected/, listed with its request in ../expected/pages.json. The only
random input of a page, the XSRF token's mask, is fixed to zero: requests carry the _xsrf
cookie XSRF_COOKIE, so a page's token is that cookie's token, unmasked. The C++ test
(tests/site/pages_test.cpp) unmasks its own tokens the same way before comparing."""
import json, os, sys, tempfile, types
import tornado.httpclient, tornado.ioloop, tornado.netutil, tornado.web

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import app as twin  # noqa: E402

XSRF_COOKIE = "2|00000000|0123456789abcdef0123456789abcdef|1700000000"
HOST = "localhost:8888"
# (file, method, path, request options): the routes, both languages, signed in and out.
PAGES = [
    ("home.html", "GET", "/", {}),
    ("home-es.html", "GET", "/?lang=es", {}),
    ("home-accept-language-es.html", "GET", "/", {"accept_language": "es-ES,es;q=0.8,en;q=0.5"}),
    ("home-signed-in.html", "GET", "/", {"signed_in": True}),
    ("archive.html", "GET", "/archive", {}),
    ("archive-es.html", "GET", "/archive?lang=es", {}),
    ("entry-hello-squall.html", "GET", "/entry/hello-squall", {}),
    ("entry-escaping.html", "GET", "/entry/escaping", {}),
    ("entry-unicode-es.html", "GET", "/entry/unicode?lang=es", {"signed_in": True}),
    ("feed.xml", "GET", "/feed", {}),
    ("login.html", "GET", "/auth/login", {}),
    ("login-next-es.html", "GET", "/auth/login?next=%2Fcompose&lang=es", {}),
    ("login-error.html", "POST", "/auth/login",
     {"form": "email=demo%40example.com&password=wrong&next=%2F&_xsrf=" +
      XSRF_COOKIE.replace("|", "%7C")}),
    ("compose.html", "GET", "/compose", {"signed_in": True}),
    ("compose-edit.html", "GET", "/compose?id=3", {"signed_in": True}),
]


class _FixedMaskOs(types.SimpleNamespace):
    """tornado.web's view of `os`, whose urandom gives zeros (the XSRF mask)."""


def fix_xsrf_mask():
    fixed = _FixedMaskOs(**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")})
    fixed.urandom = lambda n: bytes(n)
    tornado.web.os = fixed


async def record(out_dir, port):
    client = tornado.httpclient.AsyncHTTPClient()
    user_cookie = tornado.web.create_signed_value(
        "squall-blog-demo-secret", "blog_user", "1").decode()
    manifest = []
    for name, method, path, opts in PAGES:
        cookies = "_xsrf=" + XSRF_COOKIE + ("; blog_user=" + user_cookie if opts.get("signed_in") else "")
        headers = {"Host": HOST, "Cookie": cookies}
        if "accept_language" in opts:
            headers["Accept-Language"] = opts["accept_language"]
        body = opts.get("form")
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = await client.fetch(f"http://127.0.0.1:{port}{path}", method=method, body=body,
                                      headers=headers, follow_redirects=False, raise_error=False)
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(response.body)
        manifest.append(dict({"file": name, "method": method, "path": path,
                              "status": response.code,
                              "content_type": response.headers["Content-Type"]}, **opts))
        print(f"{response.code} {method} {path} -> {name} ({len(response.body)} bytes)")
    with open(os.path.join(out_dir, "pages.json"), "w", encoding="utf-8") as f:
        json.dump({"host": HOST, "xsrf_cookie": XSRF_COOKIE, "pages": manifest}, f, indent=1,
                  ensure_ascii=False)
        f.write("\n")


def main():
    fix_xsrf_mask()
    out_dir = os.path.join(os.path.dirname(HERE), "expected")
    with tempfile.TemporaryDirectory() as tmp:
        app = twin.make_app(os.path.join(tmp, "blog.sqlite3"))
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
        server = tornado.httpserver.HTTPServer(app)
        server.add_sockets(sockets)
        port = sockets[0].getsockname()[1]
        tornado.ioloop.IOLoop.current().run_sync(lambda: record(out_dir, port))
        server.stop()


if __name__ == "__main__":
    import tornado.httpserver  # noqa: E402
    main()
