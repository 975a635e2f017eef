/* The double's per-process machinery: the registry file peers map, the datagram socket and the thread that reads
 * it (the "NIC" of this process), the outbox of datagrams not yet sent, and the cache of peers' registries.
 * Part of the unity build of faha_test_verbs.c; it knows nothing of the verbs handles beyond ftv.h. */
#include "ftv.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define FTV_MAX_PEERS 64

struct ftv_out {
  pid_t dest;
  struct ftv_msg msg;
};

struct ftv_peer {
  pid_t pid;
  int pidfd;
  uint8_t nonce[8];
  const struct ftv_registry *reg;
};

static struct {
  pthread_mutex_t lock; /* guards everything below and every verbs object of this process */
  int refs;             /* open contexts */
  int sock, wake, stopping, atexit_set;
  pthread_t thread;
  pid_t pid;
  struct ftv_registry *reg;
  char dir[108], sock_path[128], reg_path[128];
  struct ftv_qp *qps[FTV_MAX_QPS];
  uint16_t qp_gen[FTV_MAX_QPS];
  uint8_t mr_key[FTV_MAX_MRS];
  struct ftv_out *outbox;
  uint32_t out_count, out_cap;
  uint32_t parked_total;
  struct ftv_peer peers[FTV_MAX_PEERS];
} ftv = { .lock = PTHREAD_MUTEX_INITIALIZER, .sock = -1, .wake = -1 };

static void ftv_handle_msg(const struct ftv_msg *m);
static void ftv_expire_parked(uint64_t now);
static uint64_t ftv_next_deadline(void);
static void ftv_ack_local(uint32_t qpn, uint64_t seq, enum ibv_wc_status status);

static uint64_t ftv_now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static void ftv_path(char *out, size_t size, pid_t pid, const char *ext) {
  snprintf(out, size, "%s/%d.%s", ftv.dir, (int)pid, ext);
}

/* Files of processes that died without closing (SIGKILL) would otherwise accumulate. */
static void ftv_sweep_stale(void) {
  DIR *d = opendir(ftv.dir);
  struct dirent *e;
  if (!d) return;
  while ((e = readdir(d))) {
    char *end;
    long pid = strtol(e->d_name, &end, 10);
    if (pid <= 0 || (strcmp(end, ".sock") && strcmp(end, ".mrs"))) continue;
    if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue;
    char path[400];
    snprintf(path, sizeof path, "%s/%s", ftv.dir, e->d_name);
    unlink(path);
  }
  closedir(d);
}

static int ftv_open_registry(void) {
  int fd = open(ftv.reg_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  if (ftruncate(fd, sizeof(struct ftv_registry)) != 0) {
    close(fd);
    return -1;
  }
  void *p = mmap(NULL, sizeof(struct ftv_registry), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  if (p == MAP_FAILED) return -1;
  ftv.reg = p;
  memcpy(ftv.reg->magic, FTV_MAGIC, 8);
  if (getrandom(ftv.reg->nonce, 8, 0) != 8) return -1;
  ftv.reg->pid = (uint32_t)ftv.pid;
  __atomic_store_n(&ftv.reg->alive, 1, __ATOMIC_RELEASE);
  return 0;
}

static int ftv_open_socket(void) {
  struct sockaddr_un a = { .sun_family = AF_UNIX };
  if (strlen(ftv.sock_path) >= sizeof a.sun_path) return errno = ENAMETOOLONG, -1;
  strcpy(a.sun_path, ftv.sock_path);
  unlink(ftv.sock_path);
  ftv.sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (ftv.sock < 0) return -1;
  if (bind(ftv.sock, (struct sockaddr *)&a, sizeof a) != 0) return -1;
  ftv.wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  return ftv.wake < 0 ? -1 : 0;
}

/* Sends without ever blocking: a full peer queue answers EAGAIN and the caller keeps the datagram. */
static int ftv_send_now(pid_t dest, const struct ftv_msg *m) {
  struct sockaddr_un a = { .sun_family = AF_UNIX };
  if (snprintf(a.sun_path, sizeof a.sun_path, "%s/%d.sock", ftv.dir, (int)dest) >= (int)sizeof a.sun_path)
    return errno = ENAMETOOLONG, -1;
  ssize_t n = sendto(ftv.sock, m, sizeof *m, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a);
  return n == (ssize_t)sizeof *m ? 0 : -1;
}

static int ftv_out_push(pid_t dest, const struct ftv_msg *m) {
  if (ftv.out_count == ftv.out_cap) {
    uint32_t cap = ftv.out_cap ? ftv.out_cap * 2 : 64;
    struct ftv_out *o = realloc(ftv.outbox, cap * sizeof *o);
    if (!o) return -1;
    ftv.outbox = o;
    ftv.out_cap = cap;
  }
  ftv.outbox[ftv.out_count++] = (struct ftv_out){ dest, *m };
  return 0;
}

static int ftv_hard_send_error(int err) {
  return err == ENOENT || err == ECONNREFUSED || err == ENOTDIR;
}

/* Sends queued datagrams in order per destination; a blocked destination holds back only its own. A gone
 * destination drops them, and an immediate that can no longer be delivered fails its sender's WR. */
static void ftv_flush_outbox(void) {
  pid_t blocked[16];
  uint32_t nblocked = 0, keep = 0, nfailed = 0;
  struct ftv_msg failed[32];
  for (uint32_t i = 0; i < ftv.out_count; i++) {
    struct ftv_out *o = &ftv.outbox[i];
    int held = 0;
    for (uint32_t b = 0; b < nblocked; b++) held |= blocked[b] == o->dest;
    if (!held && ftv_send_now(o->dest, &o->msg) == 0) continue;
    /* Failing a WR can queue more datagrams, so that waits until the outbox is compacted. */
    if (!held && ftv_hard_send_error(errno) && (o->msg.type != FTV_MSG_IMM || nfailed < 32)) {
      if (o->msg.type == FTV_MSG_IMM) failed[nfailed++] = o->msg;
      continue;
    }
    if (!held && nblocked < 16) blocked[nblocked++] = o->dest;
    ftv.outbox[keep++] = *o;
  }
  ftv.out_count = keep;
  for (uint32_t i = 0; i < nfailed; i++) ftv_ack_local(failed[i].src_qpn, failed[i].seq, IBV_WC_RETRY_EXC_ERR);
}

/* Queues behind anything already waiting, so datagrams to one peer keep their order. Caller holds the lock. */
static void ftv_send(pid_t dest, const struct ftv_msg *m) {
  if (ftv.out_count == 0 && ftv_send_now(dest, m) == 0) return;
  if (ftv.out_count == 0 && ftv_hard_send_error(errno)) {
    if (m->type == FTV_MSG_IMM) ftv_ack_local(m->src_qpn, m->seq, IBV_WC_RETRY_EXC_ERR);
    return;
  }
  ftv_out_push(dest, m);
  uint64_t one = 1;
  if (write(ftv.wake, &one, sizeof one) < 0) { /* the thread polls the outbox on its next wake-up anyway */ }
}

static int ftv_poll_timeout(void) {
  if (ftv.out_count) return 1;
  uint64_t next = ftv_next_deadline();
  if (!next) return -1;
  uint64_t now = ftv_now_us();
  return next <= now ? 0 : (int)((next - now + 999) / 1000);
}

/* The "NIC": receives immediates and acknowledgements, retries parked immediates, drains the outbox. */
static void *ftv_thread_main(void *arg) {
  (void)arg;
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, NULL);
  for (;;) {
    pthread_mutex_lock(&ftv.lock);
    int timeout = ftv_poll_timeout();
    pthread_mutex_unlock(&ftv.lock);
    struct pollfd fds[2] = { { ftv.sock, POLLIN, 0 }, { ftv.wake, POLLIN, 0 } };
    poll(fds, 2, timeout);
    uint64_t v;
    if (read(ftv.wake, &v, sizeof v) < 0) { /* nothing to clear */ }
    pthread_mutex_lock(&ftv.lock);
    if (ftv.stopping) {
      pthread_mutex_unlock(&ftv.lock);
      return NULL;
    }
    struct ftv_msg m;
    while (recv(ftv.sock, &m, sizeof m, MSG_DONTWAIT) == (ssize_t)sizeof m) ftv_handle_msg(&m);
    if (ftv.parked_total) ftv_expire_parked(ftv_now_us());
    ftv_flush_outbox();
    pthread_mutex_unlock(&ftv.lock);
  }
}

static void ftv_remove_files(void) {
  if (ftv.reg) __atomic_store_n(&ftv.reg->alive, 0, __ATOMIC_RELEASE);
  unlink(ftv.sock_path);
  unlink(ftv.reg_path);
}

static void ftv_atexit(void) {
  if (ftv.refs > 0) ftv_remove_files();
}

static const char *ftv_base_dir(void) {
  const char *env = getenv("FAHA_TEST_VERBS_DIR");
  return env && *env ? env : NULL;
}

/* Called with the lock held when the first context opens. */
static int ftv_process_start(void) {
  ftv.pid = getpid();
  /* Under yama ptrace_scope 1 only ancestors may process_vm_writev into us; peers are usually siblings. */
  prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
  const char *base = ftv_base_dir();
  if (base) snprintf(ftv.dir, sizeof ftv.dir, "%s", base);
  else snprintf(ftv.dir, sizeof ftv.dir, "/tmp/faha-verbs-%u", (unsigned)getuid());
  if (mkdir(ftv.dir, 0700) != 0 && errno != EEXIST) return -1;
  ftv_sweep_stale();
  ftv_path(ftv.sock_path, sizeof ftv.sock_path, ftv.pid, "sock");
  ftv_path(ftv.reg_path, sizeof ftv.reg_path, ftv.pid, "mrs");
  if (ftv_open_registry() != 0 || ftv_open_socket() != 0) goto fail;
  ftv.stopping = 0;
  if (pthread_create(&ftv.thread, NULL, ftv_thread_main, NULL) != 0) goto fail;
  if (!ftv.atexit_set) ftv.atexit_set = !atexit(ftv_atexit);
  return 0;
fail:;
  int err = errno;
  ftv_remove_files();
  if (ftv.sock >= 0) close(ftv.sock);
  if (ftv.wake >= 0) close(ftv.wake);
  if (ftv.reg) munmap(ftv.reg, sizeof *ftv.reg);
  ftv.sock = ftv.wake = -1;
  ftv.reg = NULL;
  errno = err;
  return -1;
}

static void ftv_forget_peers(void) {
  for (int i = 0; i < FTV_MAX_PEERS; i++) {
    struct ftv_peer *p = &ftv.peers[i];
    if (!p->reg) continue;
    munmap((void *)p->reg, sizeof *p->reg);
    close(p->pidfd);
    memset(p, 0, sizeof *p);
  }
}

/* Called with the lock held when the last context closes; releases the lock while joining the thread. */
static void ftv_process_stop(void) {
  ftv.stopping = 1;
  uint64_t one = 1;
  if (write(ftv.wake, &one, sizeof one) < 0) { /* the thread also wakes on its poll timeout */ }
  pthread_mutex_unlock(&ftv.lock);
  pthread_join(ftv.thread, NULL);
  pthread_mutex_lock(&ftv.lock);
  ftv_remove_files();
  close(ftv.sock);
  close(ftv.wake);
  munmap(ftv.reg, sizeof *ftv.reg);
  ftv.sock = ftv.wake = -1;
  ftv.reg = NULL;
  ftv.out_count = 0;
  ftv_forget_peers();
}

static int ftv_peer_alive(const struct ftv_peer *p) {
  struct pollfd f = { p->pidfd, POLLIN, 0 };
  return poll(&f, 1, 0) == 0 && __atomic_load_n(&p->reg->alive, __ATOMIC_ACQUIRE);
}

static int ftv_peer_map(struct ftv_peer *p, pid_t pid, const uint8_t nonce[8]) {
  char path[160];
  ftv_path(path, sizeof path, pid, "mrs");
  int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
  if (pidfd < 0) return -1;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0 || fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(struct ftv_registry)) {
    if (fd >= 0) close(fd);
    close(pidfd);
    return -1;
  }
  const struct ftv_registry *reg = mmap(NULL, sizeof *reg, PROT_READ, MAP_SHARED, fd, 0);
  close(fd);
  if (reg == MAP_FAILED || memcmp(reg->magic, FTV_MAGIC, 8) || memcmp(reg->nonce, nonce, 8) ||
      reg->pid != (uint32_t)pid) {
    if (reg != MAP_FAILED) munmap((void *)reg, sizeof *reg);
    close(pidfd);
    return -1;
  }
  *p = (struct ftv_peer){ pid, pidfd, { 0 }, reg };
  memcpy(p->nonce, nonce, 8);
  return 0;
}

/* The registry of the process a GID names, mapped once and kept; NULL when that process is gone. */
static const struct ftv_registry *ftv_peer_registry(pid_t pid, const uint8_t nonce[8]) {
  struct ftv_peer *free_slot = NULL;
  for (int i = 0; i < FTV_MAX_PEERS; i++) {
    struct ftv_peer *p = &ftv.peers[i];
    if (p->reg && p->pid == pid && !memcmp(p->nonce, nonce, 8)) return ftv_peer_alive(p) ? p->reg : NULL;
    if (p->reg && !ftv_peer_alive(p)) {
      munmap((void *)p->reg, sizeof *p->reg);
      close(p->pidfd);
      memset(p, 0, sizeof *p);
    }
    if (!p->reg && !free_slot) free_slot = p;
  }
  if (!free_slot || ftv_peer_map(free_slot, pid, nonce) != 0) return NULL;
  return ftv_peer_alive(free_slot) ? free_slot->reg : NULL;
}
