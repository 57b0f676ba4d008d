// Locale selection, translations and formatting against Tornado 6.2
// (tests/web/data/web-cases.json; translation files in tests/web/data).
#include <gtest/gtest.h>

#include "web_support.hpp"

namespace {

using namespace squall::web;
using web_test_support::cases;
using web_test_support::data_path;

const Locales& locales(const std::string& kind) {
  static const auto all = [] {
    std::map<std::string, Locales> m;
    m["csv"].load_csv(data_path("locale_csv"));
    m["csv_utf16"].load_csv(data_path("locale_csv_utf16"));
    m["gettext"].load_gettext(data_path("locale_mo"), "squall");
    return m;
  }();
  return all.at(kind);
}

std::optional<std::string_view> opt(const nlohmann::json& args, std::size_t i, std::string& keep) {
  if (args.size() <= i) return std::nullopt;
  keep = args[i].get<std::string>();
  return keep;
}

TEST(Locale, SelectionMatchesTornado) {
  for (const auto& c : cases()["locale_select"]) {
    const Locales& set = locales(c["kind"]);
    const std::string code =
        c["accept_language"].is_null()
            ? set.get_closest(std::vector<std::string>{"en_US"}).code()
            : set.from_accept_language(c["accept_language"].get<std::string>()).code();
    EXPECT_EQ(code, c["expected"].get<std::string>()) << c.dump();
  }
  for (const auto& c : cases()["locale_closest"]) {
    EXPECT_EQ(locales(c["kind"]).get_closest(c["codes"].get<std::vector<std::string>>()).code(),
              c["expected"].get<std::string>())
        << c.dump();
  }
}

TEST(Locale, NameAndDirectionMatchTornado) {
  for (const auto& c : cases()["locale_info"]) {
    const Locale& l = locales(c["kind"]).get(c["code"].get<std::string>());
    EXPECT_EQ(l.name(), c["name"].get<std::string>()) << c.dump();
    EXPECT_EQ(l.rtl(), c["rtl"].get<bool>()) << c.dump();
  }
  EXPECT_EQ(locales("csv").supported(),
            (std::vector<std::string>{"en", "en_US", "es_ES", "fa_IR", "fr_FR", "he", "zh_CN"}));
}

TEST(Locale, TranslationsMatchTornado) {
  for (const auto& c : cases()["translate"]) {
    const Locale& l = locales(c["kind"]).get(c["code"].get<std::string>());
    const auto& args = c["args"];
    std::string keep1, keep2;
    std::string got;
    if (c["function"] == "translate") {
      const auto count =
          args.size() > 2 ? std::optional<std::int64_t>(args[2].get<std::int64_t>()) : std::nullopt;
      got = l.translate(args[0].get<std::string>(), opt(args, 1, keep1), count);
    } else {
      const auto count =
          args.size() > 3 ? std::optional<std::int64_t>(args[3].get<std::int64_t>()) : std::nullopt;
      got = l.pgettext(args[0].get<std::string>(), args[1].get<std::string>(), opt(args, 2, keep2),
                       count);
    }
    EXPECT_EQ(got, c["expected"].get<std::string>()) << c.dump();
  }
}

TEST(Locale, FormatDateMatchesTornado) {
  for (const auto& c : cases()["format_date"]) {
    const Locale& l = locales(c["kind"]).get(c["code"].get<std::string>());
    FormatDateOptions o;
    const auto& opts = c["options"];
    o.gmt_offset = opts.value("gmt_offset", 0);
    o.relative = opts.value("relative", true);
    o.shorter = opts.value("shorter", false);
    o.full_format = opts.value("full_format", false);
    o.now_micros = static_cast<std::int64_t>(web_test_support::kNow) * 1'000'000;
    EXPECT_EQ(l.format_date(c["date"].get<std::int64_t>() * 1'000'000, o),
              c["expected"].get<std::string>())
        << c.dump();
  }
}

CivilTime parse_iso(const std::string& s) {
  CivilTime t;
  std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d", &t.year, &t.month, &t.day, &t.hour, &t.minute,
              &t.second);
  return t;
}

TEST(Locale, FormatDayListAndNumbersMatchTornado) {
  for (const auto& c : cases()["format_day"]) {
    const Locale& l = locales(c["kind"]).get(c["code"].get<std::string>());
    EXPECT_EQ(l.format_day(parse_iso(c["date"]).micros(), c["options"].value("gmt_offset", 0),
                           c["options"].value("dow", true)),
              c["expected"].get<std::string>())
        << c.dump();
  }
  for (const auto& c : cases()["locale_list"]) {
    const Locale& l = locales(c["kind"]).get(c["code"].get<std::string>());
    EXPECT_EQ(l.list(c["parts"].get<std::vector<std::string>>()), c["expected"].get<std::string>())
        << c.dump();
  }
  for (const auto& c : cases()["friendly_number"]) {
    const Locale& l = locales(c["kind"]).get(c["code"].get<std::string>());
    EXPECT_EQ(l.friendly_number(std::to_string(c["value"].get<std::int64_t>())),
              c["expected"].get<std::string>())
        << c.dump();
  }
}

TEST(Locale, CivilTimeRoundTrips) {
  for (const std::int64_t us : {0LL, 1700000000123456LL, -86400000001LL, 951782400000000LL}) {
    EXPECT_EQ(CivilTime::from_micros(us).micros(), us);
  }
  EXPECT_EQ(CivilTime::from_micros(1700000000LL * 1000000).weekday(), 1);  // a Tuesday
}

// Bad translation input: a clear error, never a crash.
TEST(Locale, Errors) {
  Locales set;
  EXPECT_THROW(set.load_csv(data_path("no-such-dir")), std::filesystem::filesystem_error);
  EXPECT_THROW(set.get("xx_XX"), std::out_of_range);
  EXPECT_THROW(set.get("en_US").translate("a", "b"), std::invalid_argument);  // plural needs count
  EXPECT_EQ(set.supported(), std::vector<std::string>{"en_US"});
  Locales other("es_ES");
  EXPECT_EQ(other.from_accept_language("de").code(), "es_ES");
}

}  // namespace
