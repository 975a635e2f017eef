// The addon's entry point: builds the exports object from each concern's Register function. Owns nothing else.
#include "addon.h"

// fd_watch.cc's and client_io.cc's hooks (addon.h declares the others).
namespace faha {
void RegisterFdWatch(Napi::Env env, Napi::Object exports);
void RegisterClientIo(Napi::Env env, Napi::Object exports);
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  faha::RegisterLongDouble(env, exports);
  faha::RegisterFdWatch(env, exports);
  faha::RegisterClientIo(env, exports);
  return exports;
}

NODE_API_MODULE(faha_native, Init)
