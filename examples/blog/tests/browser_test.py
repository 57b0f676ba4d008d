#!/usr/bin/env python3
"""End-to-end test of the example blog in a real headless browser (Debian's chromium,
chromium-driver and python3-selenium).
    /usr/bin/python3 browser_test.py --server PATH/TO/squall-blog [--out DIR]
Starts the server on a free loopback port with a new database, then checks what a reader
and the author see. Exit status: 0 passed, 1 failed, 77 skipped (no browser installed)."""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

SKIP = 77
# BLOG_CHROMIUM and BLOG_CHROMEDRIVER override the Debian paths (to test the skip path).
CHROMIUM = os.environ.get("BLOG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = (os.environ.get("BLOG_CHROMEDRIVER") or shutil.which("chromedriver")
                or "/usr/bin/chromedriver")
SEEDED_NEWEST = ["Translations from a CSV file", "Ünïcödé, ελληνικά and right-to-left עברית",
                 "UI modules bring their own CSS and JavaScript",
                 'Escaping <b>tags</b> & "quotes"', "The templates did not change"]


def browser_or_skip():
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    try:
        from selenium import webdriver  # noqa: F401
    except ImportError:
        missing.append("python3-selenium")
    if missing:
        print("SKIP: not installed: " + ", ".join(missing) + " (scripts/install-deps.sh installs them)")
        sys.exit(SKIP)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1100,1500", "--lang=en-US"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def start_server(binary, db):
    server = subprocess.Popen([binary, "--port", "0", "--db", db], stdout=subprocess.PIPE,
                              text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        raise SystemExit(f"FAIL: the server did not print its URL: {line!r}")
    return server, f"http://127.0.0.1:{match.group(1)}"


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        raise AssertionError(what)


def settled(condition, timeout=15):
    """Polls `condition` until it holds or `timeout` seconds pass: a click on a submit
    button or a link may return before the next page has loaded, more so on a loaded
    machine. Exceptions (an element of the old page gone stale) count as not yet."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return True
        except Exception:  # noqa: BLE001 - any selenium error here means "not loaded yet"
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def run(driver, base, out):
    from selenium.webdriver.common.by import By
    style = lambda css, prop: driver.execute_script(
        "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]", css, prop)

    driver.get(base + "/")
    titles = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "article.entry h2")]
    check(titles == SEEDED_NEWEST, f"home shows the five newest seeded entries: {titles}")
    check(style("article.entry", "borderLeftColor") == "rgb(214, 90, 49)",
          "the Entry module's embedded CSS is applied")
    check(style("article.entry .meta", "color") == "rgb(102, 102, 102)",
          "the Entry module's css_files (static/entry.css via static_url) is applied")
    check(style("aside.about", "backgroundColor") == "rgb(238, 243, 248)",
          "the Template module's set_resources CSS is applied")
    check(style("header h1 a", "color") == "rgb(214, 90, 49)", "the site stylesheet is applied")
    ready = driver.find_elements(By.CSS_SELECTOR, "article.entry.js-ready")
    times = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".reading-time")]
    check(len(ready) == 5 and all(t.endswith(" min") for t in times),
          f"the Entry module's JavaScript ran on every entry: {times}")
    driver.save_screenshot(os.path.join(out, "home.png"))

    driver.get(base + "/auth/login")
    driver.find_element(By.NAME, "email").send_keys("demo@example.com")
    driver.find_element(By.NAME, "password").send_keys("demo")
    driver.find_element(By.CSS_SELECTOR, "form.login input[type=submit]").click()
    check(settled(lambda: "Signed in as Ada Demo" in driver.find_element(By.TAG_NAME, "nav").text),
          "logging in sets the secure cookie and shows the author")

    driver.get(base + "/compose")
    driver.find_element(By.NAME, "title").send_keys("Refused")
    driver.find_element(By.NAME, "body").send_keys("No token.")
    driver.execute_script("document.querySelector('input[name=_xsrf]').remove()")
    driver.find_element(By.CSS_SELECTOR, "form.compose input[type=submit]").click()
    check(settled(lambda: "403" in driver.title + driver.page_source),
          f"posting the form without _xsrf is refused with 403: {driver.title!r}")

    driver.get(base + "/compose")
    driver.find_element(By.NAME, "title").send_keys("Written by the browser test")
    driver.find_element(By.NAME, "body").send_keys("First paragraph.\n\nSecond paragraph.")
    driver.find_element(By.CSS_SELECTOR, "form.compose input[type=submit]").click()
    check(settled(lambda: driver.current_url == base + "/entry/written-by-the-browser-test"),
          f"composing redirects to the new entry: {driver.current_url}")
    paragraphs = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "article.entry .body p")]
    check(paragraphs == ["First paragraph.", "Second paragraph."],
          f"the entry's paragraphs are rendered: {paragraphs}")
    driver.get(base + "/")
    first = driver.find_element(By.CSS_SELECTOR, "article.entry h2").text
    check(first == "Written by the browser test", f"the new entry is first on the home page: {first!r}")
    check("Refused" not in driver.page_source, "the refused post created nothing")

    driver.find_element(By.LINK_TEXT, "Español").click()
    check(settled(lambda: driver.find_element(By.CSS_SELECTOR, "header h1").text == "Blog de Squall"
                  and "Archivo" in driver.find_element(By.TAG_NAME, "nav").text
                  and driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"),
          "switching to Spanish translates the page")
    driver.get(base + "/archive")
    check(driver.find_element(By.CSS_SELECTOR, "main h2").text == "Archivo",
          "the language choice is remembered (cookie)")
    driver.get(base + "/")
    driver.save_screenshot(os.path.join(out, "home-es.png"))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--server", help="the squall-blog binary to start")
    parser.add_argument("--url", help="test a server already running there instead "
                        "(e.g. the Tornado twin; it must have a new database)")
    parser.add_argument("--out", default=".", help="folder for the screenshots")
    args = parser.parse_args()
    driver = browser_or_skip()
    os.makedirs(args.out, exist_ok=True)
    if not args.server and not args.url:
        parser.error("give --server or --url")
    with tempfile.TemporaryDirectory() as tmp:
        server, base = (None, args.url.rstrip("/")) if args.url else start_server(
            args.server, os.path.join(tmp, "blog.sqlite3"))
        try:
            run(driver, base, args.out)
        except AssertionError:
            driver.save_screenshot(os.path.join(args.out, "failure.png"))
            return 1
        finally:
            driver.quit()
            if server:
                server.terminate()
                server.wait(timeout=10)
    print(f"browser test passed; screenshots in {os.path.abspath(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
