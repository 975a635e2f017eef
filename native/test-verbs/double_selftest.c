/* Self-test of the libibverbs test double, linked against it like a program against libibverbs: two processes
 * connect RC QPs over a pipe (QPN, GID, address, rkey) and one writes into the other with RDMA WRITE and
 * WRITE_WITH_IMM, waiting on completion channel fds with poll(). Prints one line per check; exits 0 if all pass. */
#define _GNU_SOURCE
#include <infiniband/verbs.h>

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NQP 3 /* 0: data path (rnr_retry 7), 1: RNR with rnr_retry 0, 2: bad rkey */
#define IMM 0x0badcafe

struct end {
  const char *who;
  struct ibv_context *ctx;
  struct ibv_pd *pd;
  struct ibv_comp_channel *ch;
  struct ibv_cq *cq;
  struct ibv_mr *mr;
  struct ibv_qp *qp[NQP];
  unsigned char *buf;
  size_t size;
  int events, failures, checks;
};

struct wire {
  uint32_t qpn[NQP];
  union ibv_gid gid;
  uint64_t addr;
  uint32_t rkey;
};

static void check(struct end *e, int ok, const char *fmt, ...) {
  char line[300];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  e->checks++;
  e->failures += !ok;
  printf("%s %s: %s\n", ok ? "ok  " : "FAIL", e->who, line);
  fflush(stdout);
}

static void die(struct end *e, const char *what) {
  printf("FAIL %s: %s (%s)\n", e->who, what, strerror(errno));
  fflush(stdout);
  exit(2);
}

static void xwrite(int fd, const void *p, size_t n) {
  if (write(fd, p, n) != (ssize_t)n) exit(3);
}

static void xread(int fd, void *p, size_t n) {
  if (read(fd, p, n) != (ssize_t)n) exit(3);
}

static void open_end(struct end *e, size_t size) {
  int n = 0;
  struct ibv_device **list = ibv_get_device_list(&n);
  if (!list || n != 1) die(e, "expected one device");
  check(e, !strcmp(ibv_get_device_name(list[0]), "faha_double0"), "the device is faha_double0");
  e->ctx = ibv_open_device(list[0]);
  ibv_free_device_list(list);
  if (!e->ctx) die(e, "ibv_open_device");
  struct ibv_port_attr pa;
  check(e, ibv_query_port(e->ctx, 1, &pa) == 0 && pa.state == IBV_PORT_ACTIVE &&
               pa.link_layer == IBV_LINK_LAYER_ETHERNET, "port 1 is ACTIVE with an Ethernet link layer");
  e->size = size;
  e->buf = aligned_alloc(4096, size);
  memset(e->buf, 0, size);
  e->pd = ibv_alloc_pd(e->ctx);
  e->mr = ibv_reg_mr(e->pd, e->buf, size, IBV_ACCESS_LOCAL_WRITE | IBV_ACCESS_REMOTE_WRITE);
  e->ch = ibv_create_comp_channel(e->ctx);
  e->cq = ibv_create_cq(e->ctx, 64, e, e->ch, 0);
  if (!e->pd || !e->mr || !e->ch || !e->cq) die(e, "pd/mr/channel/cq");
  for (int i = 0; i < NQP; i++) {
    struct ibv_qp_init_attr ia = { .send_cq = e->cq, .recv_cq = e->cq, .qp_type = IBV_QPT_RC,
                                   .cap = { .max_send_wr = 16, .max_recv_wr = 16, .max_send_sge = 2, .max_recv_sge = 1 } };
    struct ibv_qp_attr a = { .qp_state = IBV_QPS_INIT, .port_num = 1, .qp_access_flags = IBV_ACCESS_REMOTE_WRITE };
    if (!(e->qp[i] = ibv_create_qp(e->pd, &ia))) die(e, "ibv_create_qp");
    if (ibv_modify_qp(e->qp[i], &a, IBV_QP_STATE | IBV_QP_PKEY_INDEX | IBV_QP_PORT | IBV_QP_ACCESS_FLAGS))
      die(e, "RESET->INIT");
  }
}

static void my_wire(struct end *e, struct wire *w) {
  for (int i = 0; i < NQP; i++) w->qpn[i] = e->qp[i]->qp_num;
  if (ibv_query_gid(e->ctx, 1, 0, &w->gid)) die(e, "ibv_query_gid");
  w->addr = (uintptr_t)e->buf;
  w->rkey = e->mr->rkey;
}

static int to_rtr(struct ibv_qp *qp, uint32_t qpn, const union ibv_gid *gid, int mask_drop) {
  struct ibv_qp_attr a = { .qp_state = IBV_QPS_RTR, .path_mtu = IBV_MTU_1024, .dest_qp_num = qpn,
                           .max_dest_rd_atomic = 1, .min_rnr_timer = 12,
                           .ah_attr = { .is_global = 1, .port_num = 1, .grh = { .dgid = *gid, .hop_limit = 1 } } };
  int mask = IBV_QP_STATE | IBV_QP_AV | IBV_QP_PATH_MTU | IBV_QP_DEST_QPN | IBV_QP_RQ_PSN |
             IBV_QP_MAX_DEST_RD_ATOMIC | IBV_QP_MIN_RNR_TIMER;
  return ibv_modify_qp(qp, &a, mask & ~mask_drop);
}

static int to_rts(struct ibv_qp *qp, int rnr_retry) {
  struct ibv_qp_attr a = { .qp_state = IBV_QPS_RTS, .timeout = 14, .retry_cnt = 7, .rnr_retry = (uint8_t)rnr_retry,
                           .max_rd_atomic = 1 };
  return ibv_modify_qp(qp, &a, IBV_QP_STATE | IBV_QP_TIMEOUT | IBV_QP_RETRY_CNT | IBV_QP_RNR_RETRY | IBV_QP_SQ_PSN |
                                   IBV_QP_MAX_QP_RD_ATOMIC);
}

static void connect_all(struct end *e, const struct wire *peer) {
  for (int i = 0; i < NQP; i++)
    if (to_rtr(e->qp[i], peer->qpn[i], &peer->gid, 0) || to_rts(e->qp[i], i == 1 ? 0 : 7)) die(e, "connect");
}

/* Waits for one completion the way faha does: arm, poll, then sleep in poll() on the channel fd. */
static int wait_wc(struct end *e, struct ibv_wc *wc) {
  for (;;) {
    if (ibv_poll_cq(e->cq, 1, wc) == 1) return 1;
    ibv_req_notify_cq(e->cq, 0);
    if (ibv_poll_cq(e->cq, 1, wc) == 1) return 1;
    struct pollfd p = { e->ch->fd, POLLIN, 0 };
    if (poll(&p, 1, 3000) != 1) return 0;
    struct ibv_cq *cq;
    void *ctx;
    if (ibv_get_cq_event(e->ch, &cq, &ctx) != 0 || cq != e->cq || ctx != e) return 0;
    ibv_ack_cq_events(cq, 1);
    e->events++;
  }
}

static int post_write(struct end *e, int q, uint64_t wr_id, int with_imm, uint32_t imm, size_t off, uint32_t len,
                      const struct wire *peer, uint64_t roff, uint32_t rkey, int flags) {
  struct ibv_sge sge = { (uintptr_t)(e->buf + off), len, e->mr->lkey };
  struct ibv_send_wr wr = { .wr_id = wr_id, .sg_list = &sge, .num_sge = len ? 1 : 0, .send_flags = flags,
                            .opcode = with_imm ? IBV_WR_RDMA_WRITE_WITH_IMM : IBV_WR_RDMA_WRITE, .imm_data = htonl(imm),
                            .wr.rdma = { peer->addr + roff, rkey } };
  struct ibv_send_wr *bad = NULL;
  return ibv_post_send(e->qp[q], &wr, &bad);
}

static int post_recv(struct end *e, int q, uint64_t wr_id) {
  struct ibv_recv_wr wr = { .wr_id = wr_id }, *bad = NULL;
  return ibv_post_recv(e->qp[q], &wr, &bad);
}

static int files_exist(pid_t pid) {
  const char *dir = getenv("FAHA_TEST_VERBS_DIR");
  char path[300], fallback[64];
  snprintf(fallback, sizeof fallback, "/tmp/faha-verbs-%u", (unsigned)getuid());
  snprintf(path, sizeof path, "%s/%d.sock", dir && *dir ? dir : fallback, (int)pid);
  int sock = access(path, F_OK) == 0;
  snprintf(path, sizeof path, "%s/%d.mrs", dir && *dir ? dir : fallback, (int)pid);
  return sock || access(path, F_OK) == 0;
}

static void close_end(struct end *e) {
  for (int i = 0; i < NQP; i++) ibv_destroy_qp(e->qp[i]);
  int rc = ibv_dereg_mr(e->mr) | ibv_destroy_cq(e->cq) | ibv_destroy_comp_channel(e->ch) | ibv_dealloc_pd(e->pd);
  check(e, rc == 0, "every object is destroyed without EBUSY (all events were acknowledged)");
  check(e, files_exist(getpid()), "the socket and registry file exist while the device is open");
  ibv_close_device(e->ctx);
  check(e, !files_exist(getpid()), "closing the device removes this process's socket and registry file");
}

static void state_machine_checks(struct end *e, const union ibv_gid *peer_gid) {
  struct ibv_qp_attr a = { .qp_state = IBV_QPS_RTS };
  check(e, post_write(e, 0, 1, 0, 0, 0, 8, &(struct wire){ 0 }, 0, 0, 0) == EINVAL,
        "ibv_post_send on a QP in INIT fails with EINVAL");
  check(e, ibv_modify_qp(e->qp[0], &a, IBV_QP_STATE) == EINVAL, "INIT->RTS directly is refused");
  check(e, to_rtr(e->qp[0], 1, peer_gid, IBV_QP_MIN_RNR_TIMER) == EINVAL,
        "INIT->RTR without IBV_QP_MIN_RNR_TIMER in the mask is refused");
  union ibv_gid bad = { .raw = { 0xfe, 0x80 } };
  check(e, to_rtr(e->qp[0], 1, &bad, 0) == EINVAL, "INIT->RTR with a GID that names no process is refused");
}

static void writer(int rd, int wr_fd) {
  struct end e = { .who = "writer" };
  struct wire me, peer;
  char go;
  open_end(&e, 1 << 16);
  for (size_t i = 0; i < e.size; i++) e.buf[i] = (unsigned char)(i * 7 + 1);
  my_wire(&e, &me);
  xwrite(wr_fd, &me, sizeof me);
  xread(rd, &peer, sizeof peer);
  state_machine_checks(&e, &peer.gid);
  connect_all(&e, &peer);
  xread(rd, &go, 1);

  struct ibv_wc wc;
  int rc = post_write(&e, 0, 1, 0, 0, 0, 4096, &peer, 0, peer.rkey, 0) |
           post_write(&e, 0, 2, 1, IMM, 4096, 64, &peer, 8192, peer.rkey, IBV_SEND_SIGNALED);
  check(&e, rc == 0, "RDMA WRITE (unsignaled) and WRITE_WITH_IMM (signaled) are posted");
  int got = wait_wc(&e, &wc);
  check(&e, got && wc.wr_id == 2 && wc.status == IBV_WC_SUCCESS && wc.opcode == IBV_WC_RDMA_WRITE,
        "the signaled WRITE_WITH_IMM completes locally as IBV_WC_RDMA_WRITE / SUCCESS (wr_id %llu, status %s)",
        (unsigned long long)wc.wr_id, ibv_wc_status_str(wc.status));
  check(&e, ibv_poll_cq(e.cq, 1, &wc) == 0, "the unsignaled WRITE produced no completion");

  xread(rd, &go, 1);
  rc = post_write(&e, 0, 3, 1, 2, 0, 0, &peer, 0, peer.rkey, IBV_SEND_SIGNALED) |
       post_write(&e, 0, 4, 1, 3, 0, 0, &peer, 0, peer.rkey, IBV_SEND_SIGNALED);
  xwrite(wr_fd, "p", 1);
  struct ibv_wc w3, w4;
  check(&e, rc == 0 && wait_wc(&e, &w3) && wait_wc(&e, &w4) && w3.wr_id == 3 && w4.wr_id == 4 &&
                w3.status == IBV_WC_SUCCESS && w4.status == IBV_WC_SUCCESS,
        "two immediates sent before the peer posted receives complete, in order, once it does");

  post_write(&e, 1, 5, 1, 5, 0, 8, &peer, 0, peer.rkey, IBV_SEND_SIGNALED);
  got = wait_wc(&e, &wc);
  check(&e, got && wc.wr_id == 5 && wc.status == IBV_WC_RNR_RETRY_EXC_ERR,
        "WRITE_WITH_IMM with rnr_retry 0 and no receive WR at the peer fails with RNR retry exceeded (%s)",
        ibv_wc_status_str(wc.status));
  post_write(&e, 1, 6, 0, 0, 0, 8, &peer, 0, peer.rkey, 0);
  struct ibv_qp_attr qa;
  struct ibv_qp_init_attr qia;
  check(&e, wait_wc(&e, &wc) && wc.wr_id == 6 && wc.status == IBV_WC_WR_FLUSH_ERR &&
                ibv_query_qp(e.qp[1], &qa, IBV_QP_STATE, &qia) == 0 && qa.qp_state == IBV_QPS_ERR,
        "that QP is in ERR and flushes the next (even unsignaled) WR with IBV_WC_WR_FLUSH_ERR");

  post_write(&e, 2, 7, 0, 0, 0, 8, &peer, 0, peer.rkey ^ 0x80, IBV_SEND_SIGNALED);
  got = wait_wc(&e, &wc);
  check(&e, got && wc.wr_id == 7 && wc.status == IBV_WC_REM_ACCESS_ERR,
        "a WRITE with a wrong rkey fails with a remote access error (%s)", ibv_wc_status_str(wc.status));

  xwrite(wr_fd, "x", 1);
  while (read(rd, &go, 1) > 0) {}
  post_write(&e, 0, 8, 0, 0, 0, 8, &peer, 0, peer.rkey, IBV_SEND_SIGNALED);
  got = wait_wc(&e, &wc);
  check(&e, got && wc.wr_id == 8 && wc.status == IBV_WC_RETRY_EXC_ERR,
        "a WRITE to a peer that has gone fails with transport retry exceeded (%s)", ibv_wc_status_str(wc.status));
  check(&e, e.events > 0, "completions were waited for through the channel fd (%d events)", e.events);
  close_end(&e);
  exit(e.failures ? 1 : 0);
}

static int expect_imm(struct end *e, uint64_t wr_id, uint32_t imm, uint32_t len, uint32_t src_qp) {
  struct ibv_wc wc;
  return wait_wc(e, &wc) && wc.wr_id == wr_id && wc.status == IBV_WC_SUCCESS &&
         wc.opcode == IBV_WC_RECV_RDMA_WITH_IMM && (wc.wc_flags & IBV_WC_WITH_IMM) && ntohl(wc.imm_data) == imm &&
         wc.byte_len == len && wc.qp_num == e->qp[0]->qp_num && wc.src_qp == src_qp;
}

static void target(int rd, int wr_fd) {
  struct end e = { .who = "target" };
  struct wire me, peer;
  char go;
  open_end(&e, 1 << 20);
  if (post_recv(&e, 0, 100)) die(&e, "post_recv");
  my_wire(&e, &me);
  xwrite(wr_fd, &me, sizeof me);
  xread(rd, &peer, sizeof peer);
  connect_all(&e, &peer);

  struct ibv_wc wc;
  ibv_req_notify_cq(e.cq, 0);
  check(&e, ibv_poll_cq(e.cq, 1, &wc) == 0, "the CQ is empty before the writer starts");
  xwrite(wr_fd, "g", 1);
  struct pollfd p = { e.ch->fd, POLLIN, 0 };
  check(&e, poll(&p, 1, 3000) == 1, "the completion channel fd becomes readable without this process posting anything");
  struct ibv_cq *cq;
  void *ctx;
  check(&e, ibv_get_cq_event(e.ch, &cq, &ctx) == 0 && cq == e.cq && ctx == &e,
        "ibv_get_cq_event returns the armed CQ and its context");
  ibv_ack_cq_events(cq, 1);
  int ok = 1;
  for (int i = 0; i < 4096; i++) ok &= e.buf[i] == (unsigned char)(i * 7 + 1);
  check(&e, ok, "the 4096 bytes of the RDMA WRITE are in this process's buffer");
  ok = 1;
  for (int i = 0; i < 64; i++) ok &= e.buf[8192 + i] == (unsigned char)((4096 + i) * 7 + 1);
  check(&e, ok, "the 64 bytes of the WRITE_WITH_IMM landed at the remote offset 8192");
  check(&e, expect_imm(&e, 100, IMM, 64, peer.qpn[0]),
        "the receive completion is RECV_RDMA_WITH_IMM with the posted wr_id, imm 0x%x and byte_len 64", IMM);

  xwrite(wr_fd, "1", 1);
  xread(rd, &go, 1);
  usleep(100 * 1000);
  check(&e, ibv_poll_cq(e.cq, 1, &wc) == 0, "immediates without a posted receive WR wait (RNR) instead of completing");
  check(&e, post_recv(&e, 0, 101) == 0 && post_recv(&e, 0, 102) == 0 && expect_imm(&e, 101, 2, 0, peer.qpn[0]) &&
                expect_imm(&e, 102, 3, 0, peer.qpn[0]),
        "posting receive WRs delivers the waiting immediates in order");

  xread(rd, &go, 1);
  check(&e, ibv_poll_cq(e.cq, 1, &wc) == 0, "failed WRs of the writer produced no completion here");
  close_end(&e);
  exit(e.failures ? 1 : 0);
}

int main(void) {
  int a2b[2], b2a[2];
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (pipe(a2b) || pipe(b2a)) return 2;
  pid_t w = fork();
  if (w == 0) {
    close(a2b[0]), close(b2a[1]);
    writer(b2a[0], a2b[1]);
  }
  pid_t t = fork();
  if (t == 0) {
    close(a2b[1]), close(b2a[0]);
    target(a2b[0], b2a[1]);
  }
  close(a2b[0]), close(a2b[1]), close(b2a[0]), close(b2a[1]);
  int sw = 0, st = 0;
  waitpid(w, &sw, 0);
  waitpid(t, &st, 0);
  int ok = WIFEXITED(sw) && WEXITSTATUS(sw) == 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
  printf("selftest: %s\n", ok ? "passed" : "FAILED");
  return ok ? 0 : 1;
}
