#include "crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace squall::web::crypto {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

std::string hmac_hex(const EVP_MD* md, std::string_view key, std::string_view message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!HMAC(md, key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest,
            &size)) {
    throw std::runtime_error("OpenSSL HMAC failed");
  }
  return hex_encode(std::string_view(reinterpret_cast<const char*>(digest), size));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  return hmac_hex(EVP_sha256(), key, message);
}

std::string hmac_sha1_hex(std::string_view key, std::string_view message) {
  return hmac_hex(EVP_sha1(), key, message);
}

std::string sha512_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha512(), nullptr)) {
    throw std::runtime_error("OpenSSL SHA-512 failed");
  }
  return hex_encode(std::string_view(reinterpret_cast<const char*>(digest), size));
}

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  return out;
}

bool equal(std::string_view a, std::string_view b) {
  // compare_digest leaks only the lengths; CRYPTO_memcmp compares equal lengths in constant
  // time, and a length mismatch still runs a compare of `a` with itself.
  if (a.size() != b.size()) {
    CRYPTO_memcmp(a.data(), a.data(), a.size());
    return false;
  }
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hex_encode(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += kHexDigits[b >> 4];
    out += kHexDigits[b & 15];
  }
  return out;
}

std::optional<std::string> hex_decode(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  // binascii.a2b_base64 (non-strict): skip characters outside the alphabet; a `=` ends the
  // data once it completes a quad, otherwise the padding is incorrect.
  std::string out;
  unsigned acc = 0;
  int quad = 0, pads = 0;
  for (const char c : text) {
    if (c == '=') {
      if (quad >= 2 && quad + ++pads >= 4) return out;
      continue;
    }
    const int v = base64_value(c);
    if (v < 0) continue;
    pads = 0;
    acc = acc << 6 | static_cast<unsigned>(v);
    if (++quad == 2) {
      out += static_cast<char>(acc >> 4 & 0xff);
    } else if (quad == 3) {
      out += static_cast<char>(acc >> 2 & 0xff);
    } else if (quad == 4) {
      out += static_cast<char>(acc & 0xff);
      quad = 0;
      acc = 0;
    }
  }
  if (quad != 0) return std::nullopt;
  return out;
}

}  // namespace squall::web::crypto
