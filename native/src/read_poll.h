// A libuv poll for readability on an fd, owned by a JS-facing object. The uv handle outlives its owner until
// uv_close's callback runs, so it lives in its own allocation and forgets the owner when stopped. Shared by
// fd_watch.cc and client_io.cc.
#pragma once
#include <napi.h>
#include <uv.h>

#include <string>

namespace faha {

struct ReadPoll {
  uv_poll_t poll;
  void* owner;
};

// Starts polling `fd` for readability, calling `cb` on the loop; nullptr after throwing a JS error naming `what`.
inline ReadPoll* StartReadPoll(Napi::Env env, int fd, void* owner, uv_poll_cb cb, const char* what) {
  uv_loop_t* loop = nullptr;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok) {
    Napi::Error::New(env, std::string(what) + ": no event loop").ThrowAsJavaScriptException();
    return nullptr;
  }
  auto* h = new ReadPoll{{}, owner};
  h->poll.data = h;
  int rc = uv_poll_init(loop, &h->poll, fd);
  if (rc != 0) {
    // Not registered with the loop, so no uv_close.
    delete h;
    Napi::Error::New(env, std::string(what) + ": " + uv_strerror(rc)).ThrowAsJavaScriptException();
    return nullptr;
  }
  if ((rc = uv_poll_start(&h->poll, UV_READABLE, cb)) != 0) {
    h->owner = nullptr;
    uv_close(reinterpret_cast<uv_handle_t*>(&h->poll), [](uv_handle_t* u) { delete static_cast<ReadPoll*>(u->data); });
    Napi::Error::New(env, std::string(what) + ": " + uv_strerror(rc)).ThrowAsJavaScriptException();
    return nullptr;
  }
  return h;
}

// The owner of the poll a callback came from, nullptr once stopped.
template <typename Owner>
Owner* PollOwner(uv_poll_t* poll) {
  return static_cast<Owner*>(static_cast<ReadPoll*>(poll->data)->owner);
}

// Stops the poll; the handle frees itself once libuv has closed it.
inline void StopReadPoll(ReadPoll* h) {
  uv_poll_stop(&h->poll);
  h->owner = nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(&h->poll), [](uv_handle_t* u) { delete static_cast<ReadPoll*>(u->data); });
}

}  // namespace faha
