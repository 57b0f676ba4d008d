#!/usr/bin/env python3
"""Headless Chromium against `squall preview`: open a page, change its template on disk, and
see the new content without reloading by hand (the injected script does it); then break the
template and see the error page, fix it and see the page come back.

Usage: browser_reload_test.py SQUALL_BINARY SCREENSHOT_DIR
Exits 77 (skipped) when Chromium, chromedriver or Selenium is missing.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("skipped: python3-selenium is not installed")
    sys.exit(77)

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
if not CHROMIUM or not DRIVER:
    print("skipped: chromium or chromium-driver is not installed")
    sys.exit(77)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)  # as editors save: the watcher never sees half a file


PAGE = """{% extends "base.html" %}
{% block body %}
<h1 id="title">{{ title }}</h1>
<ul>{% for e in entries %}<li>{{ e }}</li>{% end %}</ul>
{% end %}
"""
BASE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ title }}</title>
<style>body{font-family:sans-serif;margin:2em;background:#f7f9fc}
h1{color:#1f4e8c}li{margin:.2em 0}</style></head>
<body>{% block body %}{% end %}</body></html>
"""


def main():
    squall, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="squall_browser_")
    root = os.path.join(work, "templates")
    write(os.path.join(root, "base.html"), BASE)
    write(os.path.join(root, "page.html"), PAGE)
    write(os.path.join(root, "page.json"),
          '{"title": "Before the edit", "entries": ["first", "second"]}')
    server = subprocess.Popen([squall, "preview", "--root", root, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    driver = None
    try:
        line = server.stdout.readline()
        port = re.search(r":(\d+)/\s*$", line).group(1)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--window-size=900,600"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(DRIVER), options=options)
        driver.get(f"http://127.0.0.1:{port}/page/page.html")
        # Read with a script: an element found before a reload goes stale.
        title = lambda d: d.execute_script(
            "var e = document.getElementById('title'); return e ? e.textContent : ''")
        assert title(driver) == "Before the edit", title(driver)
        # The event stream must be open before the edit, or the change happens unseen.
        WebDriverWait(driver, 20).until(
            lambda d: d.execute_script("return window.squallPreviewLive === true"))
        started = time.monotonic()
        write(os.path.join(root, "page.html"),
              PAGE.replace("{{ title }}</h1>", "{{ title }}: edited live</h1>"))
        WebDriverWait(driver, 20, poll_frequency=0.02).until(lambda d: "edited live" in title(d))
        print(f"new content in the browser {1000 * (time.monotonic() - started):.0f} ms "
              "after the file change, without a manual reload")
        driver.save_screenshot(os.path.join(shots, "preview-reload.png"))

        write(os.path.join(root, "page.html"), PAGE.replace("{{ title }}</h1>", "{{ title + }}</h1>"))
        WebDriverWait(driver, 20).until(lambda d: "does not compile" in d.page_source)
        assert "^" in driver.page_source
        driver.save_screenshot(os.path.join(shots, "preview-error.png"))
        write(os.path.join(root, "page.html"), PAGE)
        WebDriverWait(driver, 20).until(lambda d: title(d) == "Before the edit")
        print("error page shown, then the page recovered by itself")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
