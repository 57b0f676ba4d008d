#include "password.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <stdexcept>

namespace blog {

std::string password_hash(std::string_view password, std::string_view salt) {
  unsigned char key[32];
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()),
                        static_cast<int>(salt.size()), 20000, EVP_sha256(), sizeof key, key) != 1) {
    throw std::runtime_error("PBKDF2 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const unsigned char byte : key) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 15];
  }
  return hex;
}

bool password_matches(std::string_view password, std::string_view salt,
                      std::string_view expected_hex) {
  const std::string actual = password_hash(password, salt);
  return actual.size() == expected_hex.size() &&
         CRYPTO_memcmp(actual.data(), expected_hex.data(), actual.size()) == 0;
}

}  // namespace blog
