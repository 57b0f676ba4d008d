// The parts of the escape API that the Tornado case table cannot show: appending, options
// Tornado 6.2 does not have, C++ callbacks, and inputs too large to store.
#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>

#include "squall/error.hpp"
#include "squall/escape.hpp"

namespace squall {
namespace {

// bytewise_xhtml_escape is Tornado's table applied one byte at a time: the reference the
// word-at-a-time scan and the buffered writer are checked against.
std::string bytewise_xhtml_escape(std::string_view text, QuoteEntity quote = QuoteEntity::Decimal) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += quote == QuoteEntity::Hex ? "&#x27;" : "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

TEST(EscapeApi, AppendVariantsKeepWhatIsAlreadyThere) {
  std::string out = "<p>";
  append_xhtml_escape(out, "a<b");
  append_url_escape(out, "a b");
  append_url_escape(out, "a b", false);
  append_json_string(out, "</x>");
  EXPECT_EQ(out, "<p>a&lt;ba+ba%20b\"<\\/x>\"");
}

// The escape buffers dense text in pieces and sends long safe runs straight out; texts of
// every density and length around its buffer sizes must come out as a byte-by-byte escape.
TEST(EscapeApi, XhtmlEscapeMatchesBytewiseReferenceAtEveryDensity) {
  std::mt19937 rng(7);
  const std::string specials = "&<>\"'";
  for (int density : {0, 1, 5, 30, 60, 100}) {
    for (std::size_t size : {0u, 1u, 7u, 8u, 9u, 255u, 256u, 257u, 2047u, 2048u, 2049u, 5000u}) {
      std::string text;
      for (std::size_t i = 0; i < size; ++i) {
        text += static_cast<int>(rng() % 100) < density ? specials[rng() % specials.size()]
                                                        : static_cast<char>('a' + rng() % 26);
      }
      for (QuoteEntity quote : {QuoteEntity::Decimal, QuoteEntity::Hex}) {
        std::string out = "x";
        append_xhtml_escape(out, text, quote);
        ASSERT_EQ(out, "x" + bytewise_xhtml_escape(text, quote))
            << "density " << density << " size " << size;
      }
    }
  }
}

TEST(EscapeApi, EmptyInputs) {
  std::string out;
  append_xhtml_escape(out, "");
  EXPECT_EQ(out, "");
  append_json_string(out, "");
  EXPECT_EQ(out, "\"\"");
  EXPECT_EQ(xhtml_unescape(""), "");
  EXPECT_EQ(url_unescape(""), "");
  EXPECT_EQ(squeeze(""), "");
  EXPECT_EQ(linkify(""), "");
}

TEST(EscapeApi, HexQuoteEntityIsTornado64Style) {
  EXPECT_EQ(xhtml_escape("'&'", QuoteEntity::Hex), "&#x27;&amp;&#x27;");
  EXPECT_EQ(xhtml_escape("'&'"), "&#39;&amp;&#39;");
}

TEST(EscapeApi, LinkifyUsesTheQuoteOption) {
  LinkifyOptions options;
  options.quote = QuoteEntity::Hex;
  // The quote entity stops the URL either way: a bare `&` is not a URL character.
  EXPECT_EQ(linkify("'http://x.com/a'b", options),
            "&#x27;<a href=\"http://x.com/a\">http://x.com/a</a>&#x27;b");
}

TEST(EscapeApi, JsonStringWithoutScriptCloseEscaping) {
  std::string out;
  append_json_string(out, "</script>", false);
  EXPECT_EQ(out, "\"</script>\"");
}

TEST(EscapeApi, LinkifyCallbackSeesTheEscapedHref) {
  std::string seen;
  LinkifyOptions options;
  options.extra_params = [&seen](std::string_view href) {
    seen = href;
    return std::string("\tclass=\"x\"\n");
  };
  EXPECT_EQ(linkify("www.a.com/?p=1&q=\"2\"", options),
            "<a href=\"http://www.a.com/?p=1&amp;q=&quot;2\" class=\"x\">"
            "www.a.com/?p=1&amp;q=&quot;2</a>&quot;");
  EXPECT_EQ(seen, "http://www.a.com/?p=1&amp;q=&quot;2");
}

TEST(EscapeApi, LinkifyEmptyCallbackMeansNoParams) {
  LinkifyOptions options;
  options.extra_params = std::function<std::string(std::string_view)>();
  EXPECT_EQ(linkify("http://x.com", options), "<a href=\"http://x.com\">http://x.com</a>");
}

TEST(EscapeApi, LinkifyCallbackExceptionPropagates) {
  LinkifyOptions options;
  options.extra_params = [](std::string_view) -> std::string { throw std::runtime_error("cb"); };
  EXPECT_THROW(linkify("http://x.com", options), std::runtime_error);
  EXPECT_EQ(linkify("no link", options), "no link");  // never called without a link
}

TEST(EscapeApi, LargeInputsAreLinear) {
  // Inputs that make a backtracking matcher slow; RE2 and the byte loops stay linear. The
  // check is on the result, not the time: a quadratic version would time the test out.
  const std::string dashes = " " + std::string(200000, '-') + "http://x.com";
  EXPECT_EQ(linkify(dashes),
            " " + std::string(200000, '-') + "<a href=\"http://x.com\">http://x.com</a>");
  const std::string dots = "http://x.com/" + std::string(200000, '.');
  EXPECT_EQ(linkify(dots),
            "<a href=\"http://x.com/\">http://x.com/</a>" + std::string(200000, '.'));
  std::string amps(100000, '&');
  EXPECT_EQ(xhtml_unescape(xhtml_escape(amps)), amps);
  EXPECT_EQ(url_unescape(url_escape(amps)), amps);
}

TEST(EscapeApi, XhtmlEscapeLongSafeRunsAndSpecialsAtEdges) {
  const std::string run(1000, 'x');
  EXPECT_EQ(xhtml_escape("<" + run + ">"), "&lt;" + run + "&gt;");
  EXPECT_EQ(xhtml_escape(run + "&" + run), run + "&amp;" + run);
  EXPECT_EQ(xhtml_escape("\"\""), "&quot;&quot;");
}

// Messages are Python's: chr()'s OverflowError, and the UnicodeEncodeError that encoding
// the result raises in Tornado (position counted in code points of the result).
TEST(EscapeApi, XhtmlUnescapeErrorsCarryPythonMessages) {
  const auto message_of = [](std::string_view text) -> std::string {
    try {
      xhtml_unescape(text);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(message_of("&#2147483648;"), "OverflowError: Python int too large to convert to C int");
  EXPECT_EQ(message_of("ab&#xD800;"),
            "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 2: "
            "surrogates not allowed");
  EXPECT_EQ(message_of("\xC3\xA9&#xDFFF;"),
            "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udfff' in position 1: "
            "surrogates not allowed");
}

// The scan tests 8 or 16 bytes at a time and ends with an overlapping load: put each
// special byte at every offset across two such widths, alone and with a second special in
// the overlap, and compare with a byte-by-byte rewrite of Tornado's table.
TEST(EscapeApi, XhtmlEscapeSpecialAtEveryOffset) {
  for (const char special : std::string("&<>\"'")) {
    for (std::size_t size = 1; size <= 40; ++size) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string text(size, '\xC3');  // high bytes must not look special
        text[at] = special;
        SCOPED_TRACE(testing::Message() << special << " at " << at << " of " << size);
        EXPECT_EQ(xhtml_escape(text), bytewise_xhtml_escape(text));
        text[size - 1] = '<';
        EXPECT_EQ(xhtml_escape(text), bytewise_xhtml_escape(text));
      }
    }
  }
}

}  // namespace
}  // namespace squall
