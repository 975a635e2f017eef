// ClientIo: the event-driven socket I/O of client connections, the way redis-server does it. One epoll set holds
// every client socket; libuv watches only that set's fd. When it is readable, one call reads every ready socket
// into a scratch buffer the caller owns and hands JavaScript the whole turn's input in a single callback, with a
// record (fd, kind, offset, length) per event. Writes are plain write/writev calls from JavaScript.
//
// Why not Node's net.Socket: on this machine a Node server that only answers +OK to redis-benchmark -P 1 spends
// ~4.4 µs of user time per request in the stream machinery (per-read Buffer and callback, per-write WriteWrap and
// completion tick) against redis-server's ~2.5 µs for the whole command; see server/docs/performance.md.
//
// The sockets stay owned by their Node handles (accepted with pauseOnConnect, never read by Node): the caller
// removes an fd from the set before it lets Node close it. Linux only (epoll); elsewhere the addon does not
// export it and the server uses Node's streams.
#include <uv.h>

#ifdef __linux__
#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/uio.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "addon.h"
#include "read_poll.h"

namespace {

// Event kinds, as the records' second field (server/net/client-io.ts mirrors them).
constexpr int32_t kData = 1;      // offset/length of bytes read into the scratch buffer
constexpr int32_t kEof = 2;       // the peer closed its side
constexpr int32_t kError = 3;     // length is the errno; the fd was removed from the set
constexpr int32_t kWritable = 4;  // the socket takes writes again
constexpr int kRecordInts = 4;
constexpr int kMaxEvents = 256;
// One read takes at most this much, so one busy client cannot take the whole scratch buffer of a turn.
constexpr size_t kMaxRead = 64 * 1024;

class ClientIo : public Napi::ObjectWrap<ClientIo> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "ClientIo",
                       {InstanceMethod<&ClientIo::Add>("add"), InstanceMethod<&ClientIo::Interest>("interest"),
                        InstanceMethod<&ClientIo::Remove>("remove"), InstanceMethod<&ClientIo::Write>("write"),
                        InstanceMethod<&ClientIo::Writev>("writev"), InstanceMethod<&ClientIo::WriteMany>("writeMany"),
                        InstanceMethod<&ClientIo::Poll>("poll"), InstanceMethod<&ClientIo::Close>("close")});
  }

  // new ClientIo(callback(count), scratch: Buffer, records: Int32Array)
  explicit ClientIo(const Napi::CallbackInfo& info) : Napi::ObjectWrap<ClientIo>(info) {
    Napi::Env env = info.Env();
    if (info.Length() < 3 || !info[0].IsFunction() || !info[1].IsBuffer() || !info[2].IsTypedArray()) {
      Napi::TypeError::New(env, "ClientIo(callback, scratch: Buffer, records: Int32Array)").ThrowAsJavaScriptException();
      return;
    }
    auto records = info[2].As<Napi::TypedArray>();
    if (records.TypedArrayType() != napi_int32_array || records.ElementLength() < kMaxEvents * kRecordInts) {
      Napi::TypeError::New(env, "ClientIo: records must be an Int32Array of at least 1024 elements").ThrowAsJavaScriptException();
      return;
    }
    callback_ = Napi::Persistent(info[0].As<Napi::Function>());
    auto scratch = info[1].As<Napi::Buffer<char>>();
    scratchRef_ = Napi::Persistent(scratch);
    scratch_ = scratch.Data();
    scratchLen_ = scratch.Length();
    recordsRef_ = Napi::Persistent(records.As<Napi::Object>());
    records_ = reinterpret_cast<int32_t*>(static_cast<char*>(records.ArrayBuffer().Data()) + records.ByteOffset());
    async_ = std::make_unique<Napi::AsyncContext>(env, "faha:clientIo");
    epfd_ = epoll_create1(EPOLL_CLOEXEC);
    if (epfd_ < 0) {
      Napi::Error::New(env, std::string("ClientIo: epoll_create1: ") + strerror(errno)).ThrowAsJavaScriptException();
      return;
    }
    handle_ = faha::StartReadPoll(env, epfd_, this, OnPoll, "ClientIo");
    if (handle_ == nullptr) return;
    // The listeners and timers keep the process alive, not the poller of the clients they accepted.
    uv_unref(reinterpret_cast<uv_handle_t*>(&handle_->poll));
    Ref();
  }

  ~ClientIo() override {
    if (handle_ != nullptr) Release();
    if (epfd_ >= 0) close(epfd_);
  }

 private:
  static void OnPoll(uv_poll_t* poll, int status, int /*events*/) {
    ClientIo* self = faha::PollOwner<ClientIo>(poll);
    if (self != nullptr && status == 0) self->Turn();
  }

  void Record(int& n, int fd, int32_t kind, int32_t offset, int32_t length) {
    int32_t* r = records_ + n * kRecordInts;
    r[0] = fd;
    r[1] = kind;
    r[2] = offset;
    r[3] = length;
    n++;
  }

  // A turn: the ready sockets read, then the records handed to the callback.
  void Turn() {
    int n = Gather();
    if (n == 0) return;
    Napi::Env env = Env();
    Napi::HandleScope scope(env);
    callback_.MakeCallback(Value(), {Napi::Number::New(env, n)}, *async_);
    if (env.IsExceptionPending()) {
      Napi::Error err = env.GetAndClearPendingException();
      napi_fatal_exception(env, err.Value());
    }
  }

  // poll(): a turn's reads asked for from JavaScript, without waiting; returns the number of records (the caller
  // handles them itself, as the callback would).
  Napi::Value Poll(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), Gather());
  }

  // Reads every ready socket into the scratch buffer and records what happened; the number of records.
  // Level-triggered: what does not fit this time is reported again next time.
  int Gather() {
    epoll_event evs[kMaxEvents];
    // Each event yields at most two records (writable, then data or end); keep room for both.
    int ready = epoll_wait(epfd_, evs, kMaxEvents / 2, 0);
    if (ready <= 0) return 0;
    int n = 0;
    size_t pos = 0;
    for (int i = 0; i < ready; i++) {
      int fd = evs[i].data.fd;
      uint32_t ev = evs[i].events;
      if (ev & EPOLLOUT) Record(n, fd, kWritable, 0, 0);
      if (ev & EPOLLIN) {
        size_t room = scratchLen_ - pos;
        if (room == 0) continue;
        ssize_t r;
        do {
          r = read(fd, scratch_ + pos, room < kMaxRead ? room : kMaxRead);
        } while (r < 0 && errno == EINTR);
        if (r > 0) {
          Record(n, fd, kData, static_cast<int32_t>(pos), static_cast<int32_t>(r));
          pos += static_cast<size_t>(r);
        } else if (r == 0) {
          Record(n, fd, kEof, 0, 0);
        } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
          Record(n, fd, kError, 0, errno);
          epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
        }
      } else if (ev & (EPOLLHUP | EPOLLERR)) {
        // Reported whatever the interest; with reading paused it would be reported every turn, so it ends here.
        int err = 0;
        socklen_t len = sizeof(err);
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
        Record(n, fd, kError, 0, err != 0 ? err : ECONNRESET);
        epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
      }
    }
    return n;
  }

  static uint32_t Events(bool read, bool write) {
    return (read ? EPOLLIN : 0u) | (write ? EPOLLOUT : 0u);
  }

  // add(fd): watched for reading from now on. Returns 0 or -errno.
  Napi::Value Add(const Napi::CallbackInfo& info) {
    int fd = info[0].As<Napi::Number>().Int32Value();
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    int rc = epoll_ctl(epfd_, EPOLL_CTL_ADD, fd, &ev);
    return Napi::Number::New(info.Env(), rc == 0 ? 0 : -errno);
  }

  // interest(fd, read, write)
  Napi::Value Interest(const Napi::CallbackInfo& info) {
    int fd = info[0].As<Napi::Number>().Int32Value();
    epoll_event ev{};
    ev.events = Events(info[1].ToBoolean(), info[2].ToBoolean());
    ev.data.fd = fd;
    int rc = epoll_ctl(epfd_, EPOLL_CTL_MOD, fd, &ev);
    return Napi::Number::New(info.Env(), rc == 0 ? 0 : -errno);
  }

  // remove(fd): before the fd is closed (an fd closed while in the set could linger in it through a dup).
  void Remove(const Napi::CallbackInfo& info) {
    int fd = info[0].As<Napi::Number>().Int32Value();
    epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
  }

  // write(fd, bytes[, offset]) → bytes written (0 when the socket is full), or -errno.
  Napi::Value Write(const Napi::CallbackInfo& info) {
    int fd = info[0].As<Napi::Number>().Int32Value();
    auto buf = info[1].As<Napi::Uint8Array>();
    size_t off = info.Length() > 2 ? info[2].As<Napi::Number>().Uint32Value() : 0;
    if (off > buf.ByteLength()) off = buf.ByteLength();
    ssize_t r;
    do {
      r = write(fd, buf.Data() + off, buf.ByteLength() - off);
    } while (r < 0 && errno == EINTR);
    if (r < 0) r = (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -errno;
    return Napi::Number::New(info.Env(), static_cast<double>(r));
  }

  // writev(fd, bytes[], offsetInFirst) → bytes written (0 when the socket is full), or -errno.
  Napi::Value Writev(const Napi::CallbackInfo& info) {
    int fd = info[0].As<Napi::Number>().Int32Value();
    auto arr = info[1].As<Napi::Array>();
    size_t first = info.Length() > 2 ? info[2].As<Napi::Number>().Uint32Value() : 0;
    uint32_t count = arr.Length();
    if (count > IOV_MAX) count = IOV_MAX;
    iov_.resize(count);
    for (uint32_t i = 0; i < count; i++) {
      auto b = arr.Get(i).As<Napi::Uint8Array>();
      size_t skip = i == 0 ? (first < b.ByteLength() ? first : b.ByteLength()) : 0;
      iov_[i].iov_base = b.Data() + skip;
      iov_[i].iov_len = b.ByteLength() - skip;
    }
    ssize_t r;
    do {
      r = writev(fd, iov_.data(), static_cast<int>(count));
    } while (r < 0 && errno == EINTR);
    if (r < 0) r = (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -errno;
    return Napi::Number::New(info.Env(), static_cast<double>(r));
  }

  // writeMany(n, fds: Int32Array, counts: Int32Array, bytes: Buffer[], results: Int32Array): the turn's replies in
  // one call, socket i getting the next counts[i] buffers of `bytes` by one writev; results[i] is what write
  // returns (bytes written, 0 when the socket is full, or -errno). One crossing into C++ per turn instead of one
  // per connection.
  void WriteMany(const Napi::CallbackInfo& info) {
    uint32_t n = info[0].As<Napi::Number>().Uint32Value();
    auto fds = info[1].As<Napi::Int32Array>();
    auto counts = info[2].As<Napi::Int32Array>();
    auto arr = info[3].As<Napi::Array>();
    auto results = info[4].As<Napi::Int32Array>();
    if (n > fds.ElementLength() || n > counts.ElementLength() || n > results.ElementLength()) {
      Napi::RangeError::New(info.Env(), "writeMany: n exceeds the arrays").ThrowAsJavaScriptException();
      return;
    }
    uint32_t total = arr.Length();
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
      uint32_t c = static_cast<uint32_t>(counts[i]);
      if (c > total - k) c = total - k;
      uint32_t used = c > IOV_MAX ? IOV_MAX : c;
      iov_.resize(used);
      for (uint32_t j = 0; j < used; j++) {
        auto b = arr.Get(k + j).As<Napi::Uint8Array>();
        iov_[j].iov_base = b.Data();
        iov_[j].iov_len = b.ByteLength();
      }
      k += c;
      ssize_t r;
      do {
        r = used == 1 ? write(fds[i], iov_[0].iov_base, iov_[0].iov_len) : writev(fds[i], iov_.data(), static_cast<int>(used));
      } while (r < 0 && errno == EINTR);
      if (r < 0) r = (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -errno;
      results[i] = static_cast<int32_t>(r);
    }
  }

  void Close(const Napi::CallbackInfo&) {
    if (handle_ == nullptr) return;
    Release();
    close(epfd_);
    epfd_ = -1;
    callback_.Reset();
    Unref();
  }

  void Release() {
    faha::StopReadPoll(handle_);
    handle_ = nullptr;
  }

  int epfd_ = -1;
  faha::ReadPoll* handle_ = nullptr;
  char* scratch_ = nullptr;
  size_t scratchLen_ = 0;
  int32_t* records_ = nullptr;
  std::vector<iovec> iov_;
  Napi::FunctionReference callback_;
  Napi::Reference<Napi::Buffer<char>> scratchRef_;
  Napi::ObjectReference recordsRef_;
  std::unique_ptr<Napi::AsyncContext> async_;
};

}  // namespace

namespace faha {

void RegisterClientIo(Napi::Env env, Napi::Object exports) {
  auto* ctor = new Napi::FunctionReference(Napi::Persistent(ClientIo::Define(env)));
  env.AddCleanupHook([ctor]() { delete ctor; });
  exports.Set("ClientIo", ctor->Value());
}

}  // namespace faha

#else  // !__linux__

#include "addon.h"

namespace faha {
void RegisterClientIo(Napi::Env, Napi::Object) {}
}  // namespace faha

#endif
