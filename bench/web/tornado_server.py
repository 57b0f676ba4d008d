#!/usr/bin/python3
"""The same page as web_bench_server (bench/web/templates, data.json, the Entry UI module)
served by Tornado 6.2 on 127.0.0.1, for bench/web/load_test.sh.
    /usr/bin/python3 bench/web/tornado_server.py PORT
"""
import json
import os
import sys

import tornado.ioloop
import tornado.web

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "data.json")) as f:
    DATA = json.load(f)


class Entry(tornado.web.UIModule):
    def render(self, entry):
        return self.render_string("entry.html", entry=entry)

    def embedded_css(self):
        return ".entry { margin: 1em; }"

    def javascript_files(self):
        return "entry.js"


class Home(tornado.web.RequestHandler):
    def get(self):
        self.render("page.html", **DATA)


def main():
    app = tornado.web.Application(
        [tornado.web.url("/", Home, name="home")],
        template_path=os.path.join(HERE, "templates"), static_path=os.path.join(HERE, "static"),
        ui_modules={"Entry": Entry}, xsrf_cookies=True)
    app.listen(int(sys.argv[1]), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()


main()
