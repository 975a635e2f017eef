// Registration hooks of faha's native addon: each concern (long double arithmetic now, RDMA verbs later) lives in
// its own source file and adds its functions to the module's exports here. No logic in this header.
#pragma once
#include <napi.h>

namespace faha {
void RegisterLongDouble(Napi::Env env, Napi::Object exports);
}
