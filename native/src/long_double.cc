// Redis's long double arithmetic (INCRBYFLOAT, HINCRBYFLOAT): parse as util.c's string2ld, add, and print as
// ld2string. JS numbers are doubles; Redis computes in C long double (80-bit on x86-64), which is why
// 0.1 + 0.2 prints "0.3" there. A value crosses into JS as an opaque Buffer of sizeof(long double) bytes.
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "addon.h"

namespace {

// Redis's MAX_LONG_DOUBLE_CHARS: longer inputs are refused, and every "%.17Lf" output fits.
constexpr size_t kMaxChars = 5 * 1024;

// string2ld: the whole input must be one strtold number, without leading space; NaN, overflow and underflow
// to zero are refused (a subnormal result is accepted, as glibc reports it with ERANGE but non-zero).
bool ParseLongDouble(const char* s, size_t len, long double* out) {
  if (len == 0 || len >= kMaxChars) return false;
  char buf[kMaxChars];
  memcpy(buf, s, len);
  buf[len] = '\0';
  errno = 0;
  char* end = nullptr;
  long double v = strtold(buf, &end);
  // end != buf + len also catches an embedded NUL byte.
  if (isspace(static_cast<unsigned char>(buf[0])) || *end != '\0' || static_cast<size_t>(end - buf) != len) return false;
  if (errno == ERANGE && (v == HUGE_VALL || v == -HUGE_VALL || std::fpclassify(v) == FP_ZERO)) return false;
  if (errno == EINVAL || std::isnan(v)) return false;
  *out = v;
  return true;
}

// ld2string: LD_STR_HUMAN is "%.17Lf" without trailing fractional zeros (and "-0" as "0"); LD_STR_AUTO "%.17Lg".
size_t FormatLongDouble(long double v, bool human, char* buf, size_t cap) {
  if (std::isinf(v)) return static_cast<size_t>(snprintf(buf, cap, "%s", v > 0 ? "inf" : "-inf"));
  if (!human) return static_cast<size_t>(snprintf(buf, cap, "%.17Lg", v));
  size_t n = static_cast<size_t>(snprintf(buf, cap, "%.17Lf", v));
  if (memchr(buf, '.', n) != nullptr) {
    while (buf[n - 1] == '0') n--;
    if (buf[n - 1] == '.') n--;
  }
  if (n == 2 && buf[0] == '-' && buf[1] == '0') {
    buf[0] = '0';
    n = 1;
  }
  return n;
}

bool ArgBytes(const Napi::CallbackInfo& info, size_t i, const char** data, size_t* len) {
  if (info.Length() <= i || !info[i].IsTypedArray()) {
    Napi::TypeError::New(info.Env(), "expected a Uint8Array").ThrowAsJavaScriptException();
    return false;
  }
  Napi::Uint8Array a = info[i].As<Napi::Uint8Array>();
  *data = reinterpret_cast<const char*>(a.Data());
  *len = a.ByteLength();
  return true;
}

bool ArgLongDouble(const Napi::CallbackInfo& info, size_t i, long double* out) {
  const char* data;
  size_t len;
  if (!ArgBytes(info, i, &data, &len)) return false;
  if (len != sizeof(long double)) {
    Napi::TypeError::New(info.Env(), "expected a long double value").ThrowAsJavaScriptException();
    return false;
  }
  memcpy(out, data, sizeof(long double));
  return true;
}

Napi::Value Box(Napi::Env env, long double v) {
  return Napi::Buffer<char>::Copy(env, reinterpret_cast<const char*>(&v), sizeof v);
}

// ldParse(bytes) -> value | null
Napi::Value Parse(const Napi::CallbackInfo& info) {
  const char* data;
  size_t len;
  if (!ArgBytes(info, 0, &data, &len)) return info.Env().Undefined();
  long double v;
  if (!ParseLongDouble(data, len, &v)) return info.Env().Null();
  return Box(info.Env(), v);
}

// ldAdd(a, b) -> a + b
Napi::Value Add(const Napi::CallbackInfo& info) {
  long double a, b;
  if (!ArgLongDouble(info, 0, &a) || !ArgLongDouble(info, 1, &b)) return info.Env().Undefined();
  return Box(info.Env(), a + b);
}

// ldIsFinite(a) -> neither NaN nor infinite
Napi::Value IsFinite(const Napi::CallbackInfo& info) {
  long double a;
  if (!ArgLongDouble(info, 0, &a)) return info.Env().Undefined();
  return Napi::Boolean::New(info.Env(), std::isfinite(a));
}

// ldFormat(a, human) -> string
Napi::Value Format(const Napi::CallbackInfo& info) {
  long double a;
  if (!ArgLongDouble(info, 0, &a)) return info.Env().Undefined();
  bool human = info.Length() > 1 && info[1].ToBoolean().Value();
  char buf[kMaxChars];
  size_t n = FormatLongDouble(a, human, buf, sizeof buf);
  return Napi::String::New(info.Env(), buf, n);
}

}  // namespace

namespace faha {
void RegisterLongDouble(Napi::Env env, Napi::Object exports) {
  exports.Set("ldParse", Napi::Function::New(env, Parse, "ldParse"));
  exports.Set("ldAdd", Napi::Function::New(env, Add, "ldAdd"));
  exports.Set("ldIsFinite", Napi::Function::New(env, IsFinite, "ldIsFinite"));
  exports.Set("ldFormat", Napi::Function::New(env, Format, "ldFormat"));
  exports.Set("ldBytes", Napi::Number::New(env, static_cast<double>(sizeof(long double))));
}
}  // namespace faha
