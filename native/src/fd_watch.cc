// watchFd(fd, callback) → { close() }: libuv's uv_poll on a file descriptor faha does not own as a Node stream (an
// RDMA completion channel), calling back on the event loop when it is readable, so nothing busy-polls. Owns only
// the poll handle; reading the fd is the caller's business (the poll is level-triggered).
#include <uv.h>

#include <memory>
#include <string>

#include "addon.h"
#include "read_poll.h"

namespace {

class FdWatcher;

class FdWatcher : public Napi::ObjectWrap<FdWatcher> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "FdWatcher", {InstanceMethod<&FdWatcher::Close>("close")});
  }

  // Constructed only by watchFd, with (fd, callback) already checked.
  explicit FdWatcher(const Napi::CallbackInfo& info) : Napi::ObjectWrap<FdWatcher>(info) {
    Napi::Env env = info.Env();
    int fd = info[0].As<Napi::Number>().Int32Value();
    callback_ = Napi::Persistent(info[1].As<Napi::Function>());
    async_ = std::make_unique<Napi::AsyncContext>(env, "faha:watchFd");
    handle_ = faha::StartReadPoll(env, fd, this, OnPoll, "watchFd");
    if (handle_ == nullptr) return;
    // An active watcher must not be collected: it is reachable from libuv, not from JS.
    Ref();
  }

  ~FdWatcher() override {
    if (handle_ != nullptr) Release();
  }

 private:
  static void OnPoll(uv_poll_t* poll, int status, int /*events*/) {
    FdWatcher* self = faha::PollOwner<FdWatcher>(poll);
    if (self != nullptr) self->Fire(status);
  }

  void Fire(int status) {
    Napi::Env env = Env();
    Napi::HandleScope scope(env);
    napi_value arg = env.Null();
    if (status < 0) {
      // The poll is dead after an error: report once and stop.
      arg = Napi::Error::New(env, std::string("watchFd: ") + uv_strerror(status)).Value();
      uv_poll_stop(&handle_->poll);
    }
    callback_.MakeCallback(Value(), {arg}, *async_);
    if (env.IsExceptionPending()) {
      // Nobody on the JS stack can catch it: hand it to process 'uncaughtException' like any event callback.
      Napi::Error err = env.GetAndClearPendingException();
      napi_fatal_exception(env, err.Value());
    }
  }

  void Close(const Napi::CallbackInfo&) {
    if (handle_ == nullptr) return;
    Release();
    callback_.Reset();
    Unref();
  }

  void Release() {
    faha::StopReadPoll(handle_);
    handle_ = nullptr;
  }

  faha::ReadPoll* handle_ = nullptr;
  Napi::FunctionReference callback_;
  std::unique_ptr<Napi::AsyncContext> async_;
};

Napi::Value WatchFd(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsFunction()) {
    Napi::TypeError::New(env, "watchFd(fd: number, callback: function)").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (info[0].As<Napi::Number>().Int32Value() < 0) {
    Napi::RangeError::New(env, "watchFd: fd must be >= 0").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  auto* ctor = static_cast<Napi::FunctionReference*>(info.Data());
  return ctor->New({info[0], info[1]});
}

}  // namespace

namespace faha {

void RegisterFdWatch(Napi::Env env, Napi::Object exports) {
  // One constructor per environment, freed with it.
  auto* ctor = new Napi::FunctionReference(Napi::Persistent(FdWatcher::Define(env)));
  env.AddCleanupHook([ctor]() { delete ctor; });
  exports.Set("watchFd", Napi::Function::New(env, WatchFd, "watchFd", ctor));
}

}  // namespace faha
