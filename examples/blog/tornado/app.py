"""The example blog as a Tornado 6.2 app: the same templates, module folder, routes and
SQLite data as the C++ server (../server), for comparison only.
    /usr/bin/python3 examples/blog/tornado/app.py [--port=8889] [--db=blog-tornado.sqlite3]"""
import hashlib, hmac, json, os, re, sqlite3, time
import tornado.httpserver, tornado.ioloop, tornado.locale, tornado.netutil, tornado.web
from tornado.options import define, options

SITE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = os.path.join(SITE, "templates")
ENTRIES = "SELECT e.*, a.name AS author_name FROM entries e JOIN authors a ON a.id = e.author_id "
NEWEST = ENTRIES + "ORDER BY e.published DESC, e.id DESC "


class Row(dict):  # torndb.Row: columns read as attributes, as Squall reads dict keys
    def __getattr__(self, name):
        try: return self[name]
        except KeyError: raise AttributeError(name)


def open_db(path):  # creates and seeds a new database (one transaction)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.row_factory = lambda cursor, row: Row(zip([c[0] for c in cursor.description], row))
    read = lambda name: open(os.path.join(SITE, "data", name), encoding="utf-8").read()
    db.executescript(read("schema.sql"))
    if not db.execute("SELECT count(*) AS n FROM authors").fetchone().n:
        db.executescript("BEGIN IMMEDIATE;" + read("seed.sql") + "COMMIT;")
    return db


def folder_module(folder):  # the UIModule class equivalent to a Squall module folder
    def read(name):
        path = os.path.join(folder, name)
        return open(path, encoding="utf-8").read() if os.path.exists(path) else None
    spec, ns = json.loads(read("module.json") or "{}"), {}
    path = os.path.relpath(os.path.join(folder, "template.html"), TEMPLATES)
    exec(f"def render(self, {spec.get('signature', '**kw')}):\n names = dict(locals())\n"
         f" names.pop('self')\n return self.render_string({path!r}, **names.pop('kw', names))", ns)
    hooks = {k: (lambda v: lambda self: v)(spec.get(k))
             for k in ("css_files", "javascript_files", "html_head", "html_body")}
    return type(os.path.basename(folder), (tornado.web.UIModule,), dict(
        hooks, render=ns["render"], embedded_css=lambda self: read("embedded.css"),
        embedded_javascript=lambda self: read("embedded.js")))


class Base(tornado.web.RequestHandler):
    def query(self, sql, *args): return self.application.db.execute(sql, args).fetchall()

    def get_current_user(self):
        user_id = self.get_secure_cookie("blog_user")
        users = self.query("SELECT * FROM authors WHERE id = ?", int(user_id)) if user_id else []
        return users[0] if users else None

    def get_user_locale(self):  # ?lang= (remembered in a cookie), else Accept-Language
        code = self.get_argument("lang", None)
        if code: self.set_cookie("lang", code)
        code = code or self.get_cookie("lang")
        return tornado.locale.get(code) if code else None


class Home(Base):
    def get(self): self.render("home.html", entries=self.query(NEWEST + "LIMIT 5"),
                               total=self.query("SELECT count(*) AS n FROM entries")[0].n)


class Archive(Base):
    def get(self): self.render("archive.html", entries=self.query(NEWEST))


class Feed(Base):
    def get(self):
        self.set_header("Content-Type", "application/atom+xml; charset=UTF-8")
        self.render("feed.xml", entries=self.query(NEWEST + "LIMIT 10"),
                    base_url=self.request.protocol + "://" + self.request.host)


class Entry(Base):
    def get(self, slug):
        entries = self.query(ENTRIES + "WHERE e.slug = ?", slug)
        if not entries: raise tornado.web.HTTPError(404)
        self.render("entry.html", entry=entries[0])


class Compose(Base):
    @tornado.web.authenticated
    def get(self):
        entry_id = self.get_argument("id", None)
        entries = self.query(ENTRIES + "WHERE e.id = ?", int(entry_id)) if entry_id else [None]
        if not entries: raise tornado.web.HTTPError(404)
        self.render("compose.html", entry=entries[0])

    @tornado.web.authenticated
    def post(self):
        entry_id, title = self.get_argument("id", None), self.get_argument("title")
        body = self.get_argument("body").replace("\r\n", "\n")  # browsers send CRLF
        now, db = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), self.application.db
        with db:  # one transaction
            db.execute("BEGIN IMMEDIATE")
            if entry_id:
                entries = self.query("SELECT slug FROM entries WHERE id = ?", int(entry_id))
                if not entries: raise tornado.web.HTTPError(404)
                slug = entries[0].slug
                db.execute("UPDATE entries SET title = ?, body = ?, updated = ? WHERE id = ?",
                           (title, body, now, int(entry_id)))
            else:
                slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80] or "entry"
                while self.query("SELECT id FROM entries WHERE slug = ?", slug): slug += "-2"
                db.execute("INSERT INTO entries (author_id, slug, title, body, published, updated)"
                           " VALUES (?, ?, ?, ?, ?, ?)",
                           (self.current_user.id, slug, title, body, now, now))
        self.redirect(self.reverse_url("entry", slug))


class Login(Base):
    def get(self):
        self.render("login.html", error=False, email="", next=self.get_argument("next", "/"))

    def post(self):
        email, next = self.get_argument("email", ""), self.get_argument("next", "/")
        users = self.query("SELECT * FROM authors WHERE email = ?", email)
        hashed = users and hashlib.pbkdf2_hmac("sha256", self.get_argument("password", "").encode(),
                                              users[0].password_salt.encode(), 20000).hex()
        if users and hmac.compare_digest(hashed, users[0].password_hash):
            self.set_secure_cookie("blog_user", str(users[0].id))
            return self.redirect(next if next.startswith("/") and not next.startswith("//") else "/")
        self.render("login.html", error=True, email=email, next=next)


class Logout(Base):
    def get(self):
        self.clear_cookie("blog_user")
        self.redirect("/")


def make_app(db_path, cookie_secret="squall-blog-demo-secret"):
    tornado.locale.load_translations(os.path.join(SITE, "translations"))
    app = tornado.web.Application([
        (r"/", Home), (r"/archive", Archive), (r"/feed", Feed),
        tornado.web.url(r"/entry/([^/]+)", Entry, name="entry"), (r"/compose", Compose),
        (r"/auth/login", Login), (r"/auth/logout", Logout)],
        template_path=TEMPLATES, static_path=os.path.join(SITE, "static"), xsrf_cookies=True,
        ui_modules={"Entry": folder_module(os.path.join(SITE, "modules", "Entry"))},
        cookie_secret=cookie_secret, login_url="/auth/login")
    app.db = open_db(db_path)
    return app


if __name__ == "__main__":
    define("port", default=8889, help="port on 127.0.0.1 (0: any free port)")
    define("db", default="blog-tornado.sqlite3", help="SQLite file, created when new")
    options.parse_command_line()
    sockets = tornado.netutil.bind_sockets(options.port, "127.0.0.1")
    tornado.httpserver.HTTPServer(make_app(options.db)).add_sockets(sockets)
    print(f"Tornado twin on http://127.0.0.1:{sockets[0].getsockname()[1]}/", flush=True)
    tornado.ioloop.IOLoop.current().start()
