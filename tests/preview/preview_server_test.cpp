// `squall preview` serving on a free loopback port: the index, a page equal to
// `squall render --page`, error pages with line and caret, recovery after a fix, reload
// events after a change (latency printed), budgets, and the command's usage errors.
#include <httplib.h>

#include <atomic>
#include <mutex>

#include "squall/escape.hpp"
#include "support/preview_fixture.hpp"

namespace squall::preview::testing {
namespace {

using Clock = std::chrono::steady_clock;

class PreviewServer : public PreviewTest {
 protected:
  void SetUp() override {
    PreviewTest::SetUp();
    write("t/base.html",
          "<html><head><title>{% block title %}Site{% end %}</title></head>\n"
          "<body>{% block body %}{% end %}</body></html>\n");
    write("t/page.html",
          "{% extends \"base.html\" %}\n{% block body %}<h1>{{ title }}</h1>\n"
          "{% include \"partial.html\" %}{% module Card(title) %}{% end %}\n");
    write("t/partial.html", "<ul>{% for i in items %}<li>{{ i }}</li>{% end %}</ul>\n");
    write("t/other.html", "<p>other</p>\n");
    write("d/page.json", R"({"title": "Hello <you>", "items": [1, 2]})");
    write("m/Card/template.html", "<div class=\"card\">{{ title }}</div>");
    write("m/Card/embedded.css", ".card { border: 1px solid }");
    write("m/Card/module.json", R"({"signature": "title", "css_files": ["card.css"]})");
    write("s/card.css", ".card{}");
  }

  int start_default(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--root",    "t", "--data",   "d",
                                     "--modules", "m", "--static", "s"};
    args.insert(args.end(), extra.begin(), extra.end());
    const int port = start(args);
    EXPECT_GT(port, 0);
    return port;
  }

  httplib::Result get(int port, const std::string& path) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(20, 0);
    return client.Get(path.c_str());
  }
};

TEST_F(PreviewServer, IndexListsTemplatesDataAndStatus) {
  write("t/broken.html", "line one\n{% if x %}\n");
  const int port = start_default();
  auto r = get(port, "/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  for (const char* name : {"base.html", "page.html", "partial.html", "other.html", "broken.html"})
    EXPECT_NE(r->body.find(std::string(">") + name + "<"), std::string::npos) << name;
  EXPECT_NE(r->body.find("page.json"), std::string::npos);
  EXPECT_NE(r->body.find("class=\"ok\">ok<"), std::string::npos);
  EXPECT_NE(r->body.find("broken.html:2:1: error: Missing {% end %} block for if"),
            std::string::npos)
      << r->body;
  EXPECT_EQ(r->body.find("page.json</td><td><a href=\"/page/page.json"), std::string::npos);
}

// A data, static, modules, translations or output folder inside the root holds no pages.
TEST_F(PreviewServer, IndexLeavesOutFoldersOfOtherOptionsInsideTheRoot) {
  write("t/static/app.html", "<p>a static file</p>\n");
  const int port = start({"--root", "t", "--data", "d", "--modules", "m", "--static", "t/static"});
  ASSERT_GT(port, 0);
  auto r = get(port, "/");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find(">other.html<"), std::string::npos) << r->body;
  EXPECT_EQ(r->body.find("app.html"), std::string::npos) << r->body;
}

TEST_F(PreviewServer, PageEqualsSquallRenderPage) {
  const CommandRun expected =
      run("render --root t --data d/page.json --modules m --static s --page page.html");
  ASSERT_EQ(expected.exit_code, 0) << expected.err;
  ASSERT_NE(expected.out.find("card.css?v="), std::string::npos);  // module resources injected
  const int port = start_default();
  auto r = get(port, "/page/page.html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("new EventSource"), std::string::npos);
  EXPECT_EQ(strip_reload_script(r->body), expected.out);
}

TEST_F(PreviewServer, VariantsHaveTheirOwnUrls) {
  write("t/list.html",
        "{% if items %}{{ len(items) }} items{% else %}empty{% end %} for {{ who }}");
  write(
      "t/list.json",
      R"({"who": "ann", "@variants": {"full": {"items": [1, 2, 3]}, "empty list": {"items": []}}})");
  const int port = start_default();
  auto index = get(port, "/");
  ASSERT_TRUE(index);
  EXPECT_NE(index->body.find("/page/list.html?variant=empty%20list"), std::string::npos)
      << index->body;
  auto full = get(port, "/page/list.html?variant=full");
  auto empty = get(port, "/page/list.html?variant=empty%20list");
  ASSERT_TRUE(full && empty);
  EXPECT_EQ(strip_reload_script(full->body), "3 items for ann");
  EXPECT_EQ(strip_reload_script(empty->body), "empty for ann");
  auto missing = get(port, "/page/list.html?variant=nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(PreviewServer, HandlerStandIns) {
  write("t/helpers.html",
        "{{ _(\"Hello\") }}|{{ static_url(\"card.css\") }}|{% raw xsrf_form_html() %}|"
        "{{ current_user }}|{{ request.path }}|{{ locale.code }}");
  write("t/helpers.json", R"({"current_user": "ann", "request": {"path": "/blog/1"}})");
  write("tr/fr_FR.csv", "\"Hello\",\"Bonjour\"\n");
  const int port = start_default({"--translations", "tr", "--locale", "fr_FR"});
  auto r = get(port, "/page/helpers.html");
  ASSERT_TRUE(r);
  const std::string body = strip_reload_script(r->body);
  EXPECT_TRUE(body.starts_with("Bonjour|/static/card.css?v=")) << body;
  EXPECT_NE(body.find("<input type=\"hidden\" name=\"_xsrf\" value=\"2|"), std::string::npos)
      << body;
  EXPECT_TRUE(body.ends_with("|ann|/blog/1|fr_FR")) << body;
  auto css = get(port, "/static/card.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->body, ".card{}");
}

TEST_F(PreviewServer, ErrorPagesShowLineCaretAndChainThenRecover) {
  write("t/inc.html", "one\n{{ missing_name }}\n");
  write("t/outer.html", "<p>\n{% include \"inc.html\" %}\n</p>\n");
  write("t/syntax.html", "a\nb {{ 1 + }}\n");
  const int port = start_default();

  auto r = get(port, "/page/outer.html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_NE(r->body.find("inc.html:2: NameError: name &#39;missing_name&#39; is not defined"),
            std::string::npos)
      << r->body;
  EXPECT_NE(r->body.find("<b>    2 | {{ missing_name }}</b>"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("      | ^~~~~~~~~~~~~~~~~"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("<li>outer.html:2</li>"), std::string::npos) << r->body;  // the chain
  EXPECT_NE(r->body.find("new EventSource"), std::string::npos);  // recovers by itself

  auto s = get(port, "/page/syntax.html");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, 500);
  EXPECT_NE(s->body.find("syntax.html:2:9: expected an expression"), std::string::npos) << s->body;
  EXPECT_NE(s->body.find("      |         ^<"), std::string::npos) << s->body;

  write("t/inc.html", "one\n{{ 40 + 2 }}\n");
  write("t/syntax.html", "a\nb {{ 1 + 1 }}\n");
  // The watcher forgets the cached templates; poll until the change is seen.
  std::string fixed;
  for (int i = 0; i < 100 && fixed.find("42") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto again = get(port, "/page/outer.html");
    if (again && again->status == 200) fixed = strip_reload_script(again->body);
  }
  EXPECT_EQ(fixed, "<p>\none\n42\n\n</p>\n");
  auto s2 = get(port, "/page/syntax.html");
  ASSERT_TRUE(s2);
  EXPECT_EQ(strip_reload_script(s2->body), "a\nb 2\n");
}

// The loader reports a file's parse errors once; every page using the file still shows them.
TEST_F(PreviewServer, EveryPageIncludingABrokenFileShowsItsError) {
  write("t/a_broken.html", "x\n{{ 1 + }}\n");
  write("t/b_user.html", "<p>{% include \"a_broken.html\" %}</p>");
  write("t/c_user.html", "{% extends \"a_broken.html\" %}");
  const int port = start_default();
  auto index = get(port, "/");
  ASSERT_TRUE(index);
  for (const char* page : {"a_broken.html", "b_user.html", "c_user.html"}) {
    SCOPED_TRACE(page);
    auto r = get(port, std::string("/page/") + page);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500);
    EXPECT_NE(r->body.find("a_broken.html:2:7: expected an expression"), std::string::npos)
        << r->body;
  }
  std::size_t count = 0;
  for (std::size_t at = 0; (at = index->body.find("a_broken.html:2:7:", at)) != std::string::npos;
       ++at)
    ++count;
  EXPECT_EQ(count, 3u) << index->body;
}

// EventStream reads /_events for one page on a thread of its own.
class EventStream {
 public:
  EventStream(int port, const std::string& page) {
    thread_ = std::thread([this, port, page] {
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(30, 0);
      client.Get(("/_events?page=" + page).c_str(), [&](const char* data, std::size_t n) {
        std::lock_guard lock(mutex_);
        text_.append(data, n);
        if (text_.find("event: reload") != std::string::npos && !reload_at_)
          reload_at_ = Clock::now();
        return !stop_;
      });
    });
  }
  ~EventStream() {
    stop_ = true;
    thread_.detach();  // ends at the next keep-alive; the server is stopped before
  }
  bool wait_for(const std::string& what, std::chrono::milliseconds timeout) {
    const auto end = Clock::now() + timeout;
    while (Clock::now() < end) {
      {
        std::lock_guard lock(mutex_);
        if (text_.find(what) != std::string::npos) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
  }
  std::optional<Clock::time_point> reload_at() {
    std::lock_guard lock(mutex_);
    return reload_at_;
  }

 private:
  std::mutex mutex_;
  std::string text_;
  std::optional<Clock::time_point> reload_at_;
  std::atomic<bool> stop_ = false;
  std::thread thread_;
};

TEST_F(PreviewServer, ReloadEventAfterAChangeToAnIncludedFile) {
  const int port = start_default();
  ASSERT_TRUE(get(port, "/page/page.html"));  // renders it: its dependencies are known
  ASSERT_TRUE(get(port, "/page/other.html"));
  EventStream page(port, "page.html"), other(port, "other.html");
  ASSERT_TRUE(page.wait_for("event: hello", std::chrono::seconds(10)));
  ASSERT_TRUE(other.wait_for("event: hello", std::chrono::seconds(10)));
  const auto changed_at = Clock::now();
  write("t/partial.html", "<ol>{% for i in items %}<li>{{ i }}</li>{% end %}</ol>\n");
  ASSERT_TRUE(page.wait_for("event: reload", std::chrono::seconds(10)));
  const auto latency =
      std::chrono::duration_cast<std::chrono::milliseconds>(*page.reload_at() - changed_at);
  std::printf("[ preview ] reload event %lld ms after the file change\n",
              static_cast<long long>(latency.count()));
  RecordProperty("reload_latency_ms", static_cast<int>(latency.count()));
  // A page that does not use partial.html is left alone.
  EXPECT_FALSE(other.wait_for("event: reload", std::chrono::milliseconds(200)));
  auto r = get(port, "/page/page.html");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("<ol><li>1</li>"), std::string::npos);
  stop();
}

TEST_F(PreviewServer, BudgetsStopRunawayRenders) {
  write("t/forever.html", "{% while True %}x{% end %}");
  write("t/huge.html", "{{ 'y' * 5000000 }}");
  const int port = start_default({"--time-budget", "300", "--output-budget", "1000000"});
  auto r = get(port, "/page/forever.html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_NE(r->body.find("TimeoutError: the render took longer than the time budget of 300 ms"),
            std::string::npos)
      << r->body;
  auto h = get(port, "/page/huge.html");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 500);
  EXPECT_NE(h->body.find("MemoryError: the render wrote more than the output budget of 1000000"),
            std::string::npos);
  auto ok = get(port, "/page/other.html");  // the preview is still there
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

// Bad data files: an error page naming the file and the problem (a table of cases).
TEST_F(PreviewServer, BadDataFilesAreErrorPages) {
  struct Case {
    const char* data;
    const char* message;
  } cases[] = {
      {"{not json", "invalid JSON"},
      {"[1, 2]", "the data must be a JSON object"},
      {R"({"@variants": []})", "\"@variants\" must be a non-empty object"},
      {R"({"@variants": {}})", "\"@variants\" must be a non-empty object"},
      {R"({"@variants": {"a": 1}})", "variant \"a\" must be a JSON object"},
  };
  for (std::size_t i = 0; i < std::size(cases); ++i)
    write("t/bad" + std::to_string(i) + ".json", cases[i].data);
  for (std::size_t i = 0; i < std::size(cases); ++i)
    write("t/bad" + std::to_string(i) + ".html", "x");
  const int port = start_default();
  auto index = get(port, "/");
  ASSERT_TRUE(index);
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    SCOPED_TRACE(cases[i].data);
    auto r = get(port, "/page/bad" + std::to_string(i) + ".html");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500);
    EXPECT_NE(r->body.find("bad data file"), std::string::npos);
    EXPECT_NE(r->body.find(xhtml_escape(cases[i].message)), std::string::npos) << r->body;
    EXPECT_NE(index->body.find(xhtml_escape(cases[i].message)), std::string::npos);
  }
  auto missing = get(port, "/page/nothing.html");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto outside = get(port, "/page/../d/page.json");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 404);
}

TEST_F(PreviewServer, BrokenModuleFolderIsReportedOnEveryPage) {
  write("m/Card/module.json", "{\"signature\": 3}");
  const int port = start_default();
  auto index = get(port, "/");
  ASSERT_TRUE(index);
  EXPECT_NE(index->body.find("module.json"), std::string::npos) << index->body;
  auto r = get(port, "/page/other.html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_NE(r->body.find("does not compile"), std::string::npos);
  write("m/Card/module.json", R"({"signature": "title", "css_files": ["card.css"]})");
  std::string fixed;
  for (int i = 0; i < 100 && fixed != "<p>other</p>\n"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    auto again = get(port, "/page/other.html");
    if (again && again->status == 200) fixed = strip_reload_script(again->body);
  }
  EXPECT_EQ(fixed, "<p>other</p>\n");
}

// Usage errors: exit code 2 and a message, no server.
TEST_F(PreviewServer, UsageErrors) {
  struct Case {
    const char* args;
    const char* message;
  } cases[] = {
      {"preview --root nowhere --once --out o", "--root: no such folder: nowhere"},
      {"preview --root t --data nowhere --once --out o", "--data: no such folder"},
      {"preview --root t --once", "--once needs --out DIR"},
      {"preview --root t --time-budget 0 --once --out o", "budgets must be positive"},
      {"preview --root t --whitespace odd --once --out o", "invalid whitespace mode odd"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    const CommandRun r = run(c.args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
}

// A port already in use is not tested: cpp-httplib binds with SO_REUSEPORT, so a second
// server on the same port starts.
TEST_F(PreviewServer, BadTranslationsAreAUsageError) {
  write("tr/fr_FR.csv", std::string("\xff\xfe"
                                    "A"));  // a UTF-16 BOM, then half a unit
  const CommandRun r = run("preview --root t --translations tr --once --out o");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("fr_FR.csv: truncated UTF-16 data"), std::string::npos) << r.err;
}

TEST_F(PreviewServer, OnceWritesEveryVariantAndReportsFailures) {
  write("t/list.html", "{{ len(items) }}");
  write("t/list.json", R"({"@variants": {"two": {"items": [1, 2]}, "none!": {"items": []}}})");
  write("t/fails.html", "{{ 1 / 0 }}");
  const CommandRun r = run("preview --root t --data d --modules m --static s --once --out o");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("fails.html: fails.html:1: ZeroDivisionError: division by zero"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_text(dir_ / "o/list@two.html"), "2");
  EXPECT_EQ(read_text(dir_ / "o/list@none_.html"), "0");
  EXPECT_FALSE(fs::exists(dir_ / "o/fails.html"));
  const CommandRun page =
      run("render --root t --data d/page.json --modules m --static s --page page.html");
  EXPECT_EQ(read_text(dir_ / "o/page.html"), page.out);
}

}  // namespace
}  // namespace squall::preview::testing
