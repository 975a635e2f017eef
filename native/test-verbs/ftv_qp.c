/* The double's RC queue pairs: the modify_qp state machine with the IB spec's required and optional attribute
 * masks, the send queue (RDMA WRITE and WRITE_WITH_IMM put bytes in the peer with process_vm_writev), the receive
 * queue, and the handling of immediates and acknowledgements from peers. Part of the unity build of
 * faha_test_verbs.c; the socket, thread and peer registries belong to ftv_process.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

static struct ftv_qp *ftv_qp_lookup(uint32_t qpn) {
  struct ftv_qp *qp = ftv.qps[qpn % FTV_MAX_QPS];
  return qp && qp->qp.qp_num == qpn ? qp : NULL;
}

static void ftv_publish(struct ftv_qp *qp) {
  struct ftv_qp_slot *s = &ftv.reg->qps[qp->slot];
  s->access = qp->access;
  s->remote_pid = qp->remote_pid;
  s->remote_qpn = qp->remote_qpn;
  __atomic_store_n(&s->state, (uint32_t)qp->qp.state, __ATOMIC_RELEASE);
}

/* An IB RNR NAK timer code (min_rnr_timer) in microseconds; code 0 is the longest, 655.36 ms. */
static uint64_t ftv_rnr_timer_us(uint32_t code) {
  static const uint32_t t[32] = { 655360, 10,    20,    30,    40,    60,     80,     120,    160,   240,   320,
                                  480,    640,   960,   1280,  1920,  2560,   3840,   5120,   7680,  10240, 15360,
                                  20480,  30720, 40960, 61440, 81920, 122880, 163840, 245760, 327680, 491520 };
  return t[code & 31];
}

static void ftv_sq_drain(struct ftv_qp *qp) {
  while (qp->sq_count && qp->sq[qp->sq_head].done) {
    struct ftv_send_entry *e = &qp->sq[qp->sq_head];
    if (e->signaled || e->status != IBV_WC_SUCCESS) {
      struct ibv_wc wc = { .wr_id = e->wr_id, .status = e->status, .opcode = e->opcode, .byte_len = e->byte_len,
                           .qp_num = qp->qp.qp_num };
      ftv_cq_push((struct ftv_cq *)qp->qp.send_cq, &wc, 0);
    }
    qp->sq_head = (qp->sq_head + 1) % qp->cap.max_send_wr;
    qp->sq_count--;
  }
}

static void ftv_nak_parked(struct ftv_qp *qp, enum ibv_wc_status status) {
  while (qp->parked_count) {
    struct ftv_msg m = qp->parked[qp->parked_head].msg;
    qp->parked_head = (qp->parked_head + 1) % qp->parked_cap;
    qp->parked_count--;
    ftv.parked_total--;
    struct ftv_msg ack = { .type = FTV_MSG_ACK, .src_pid = (uint32_t)ftv.pid, .src_qpn = qp->qp.qp_num,
                           .dst_qpn = m.src_qpn, .seq = m.seq, .status = status };
    ftv_send((pid_t)m.src_pid, &ack);
  }
}

/* The QP enters ERR: outstanding sends and posted receives complete with IBV_WC_WR_FLUSH_ERR, as on a NIC. */
static void ftv_to_err(struct ftv_qp *qp) {
  qp->qp.state = IBV_QPS_ERR;
  ftv_publish(qp);
  for (uint32_t i = 0; i < qp->sq_count; i++) {
    struct ftv_send_entry *e = &qp->sq[(qp->sq_head + i) % qp->cap.max_send_wr];
    if (!e->done) e->done = 1, e->status = IBV_WC_WR_FLUSH_ERR;
  }
  ftv_sq_drain(qp);
  while (qp->rq_count) {
    struct ibv_wc wc = { .wr_id = qp->rq[qp->rq_head], .status = IBV_WC_WR_FLUSH_ERR, .opcode = IBV_WC_RECV,
                         .qp_num = qp->qp.qp_num };
    qp->rq_head = (qp->rq_head + 1) % qp->cap.max_recv_wr;
    qp->rq_count--;
    ftv_cq_push((struct ftv_cq *)qp->qp.recv_cq, &wc, 0);
  }
  ftv_nak_parked(qp, IBV_WC_RETRY_EXC_ERR);
}

/* The answer to one of our immediates (or a local verdict on it) completes that WR; an error fails the QP. */
static void ftv_ack_local(uint32_t qpn, uint64_t seq, enum ibv_wc_status status) {
  struct ftv_qp *qp = ftv_qp_lookup(qpn);
  if (!qp || !qp->sq_count) return;
  uint64_t first = qp->sq[qp->sq_head].seq;
  if (seq < first || seq - first >= qp->sq_count) return;
  struct ftv_send_entry *e = &qp->sq[(qp->sq_head + (uint32_t)(seq - first)) % qp->cap.max_send_wr];
  if (e->done) return;
  e->done = 1;
  e->status = status;
  if (status != IBV_WC_SUCCESS) ftv_to_err(qp);
  else ftv_sq_drain(qp);
}

static void ftv_deliver(struct ftv_qp *qp, const struct ftv_msg *m) {
  struct ibv_wc wc = { .wr_id = qp->rq[qp->rq_head], .status = IBV_WC_SUCCESS, .opcode = IBV_WC_RECV_RDMA_WITH_IMM,
                       .byte_len = m->byte_len, .imm_data = m->imm_data, .qp_num = qp->qp.qp_num,
                       .src_qp = m->src_qpn, .wc_flags = IBV_WC_WITH_IMM };
  qp->rq_head = (qp->rq_head + 1) % qp->cap.max_recv_wr;
  qp->rq_count--;
  ftv_cq_push((struct ftv_cq *)qp->qp.recv_cq, &wc, m->solicited);
  struct ftv_msg ack = { .type = FTV_MSG_ACK, .src_pid = (uint32_t)ftv.pid, .src_qpn = qp->qp.qp_num,
                         .dst_qpn = m->src_qpn, .seq = m->seq, .status = IBV_WC_SUCCESS };
  ftv_send((pid_t)m->src_pid, &ack);
}

static void ftv_deliver_parked(struct ftv_qp *qp) {
  while (qp->parked_count && qp->rq_count) {
    struct ftv_msg m = qp->parked[qp->parked_head].msg;
    qp->parked_head = (qp->parked_head + 1) % qp->parked_cap;
    qp->parked_count--;
    ftv.parked_total--;
    ftv_deliver(qp, &m);
  }
}

static int ftv_park(struct ftv_qp *qp, const struct ftv_msg *m) {
  if (qp->parked_count == qp->parked_cap) {
    uint32_t cap = qp->parked_cap ? qp->parked_cap * 2 : 16;
    struct ftv_parked *p = malloc(cap * sizeof *p);
    if (!p) return -1;
    for (uint32_t i = 0; i < qp->parked_count; i++) p[i] = qp->parked[(qp->parked_head + i) % qp->parked_cap];
    free(qp->parked);
    qp->parked = p;
    qp->parked_head = 0;
    qp->parked_cap = cap;
  }
  uint64_t wait = m->rnr_retry >= 7 ? 0 : (uint64_t)m->rnr_retry * ftv_rnr_timer_us(qp->min_rnr_timer);
  qp->parked[(qp->parked_head + qp->parked_count++) % qp->parked_cap] =
      (struct ftv_parked){ *m, wait ? ftv_now_us() + wait : 0 };
  ftv.parked_total++;
  return 0;
}

/* An immediate from a peer whose bytes are already in place: consume a receive WR, or RNR-wait for one. */
static void ftv_handle_imm(const struct ftv_msg *m) {
  struct ftv_qp *qp = ftv_qp_lookup(m->dst_qpn);
  int ready = qp && (qp->qp.state == IBV_QPS_RTR || qp->qp.state == IBV_QPS_RTS) &&
              qp->remote_pid == m->src_pid && qp->remote_qpn == m->src_qpn;
  struct ftv_msg ack = { .type = FTV_MSG_ACK, .src_pid = (uint32_t)ftv.pid, .src_qpn = m->dst_qpn,
                         .dst_qpn = m->src_qpn, .seq = m->seq, .status = IBV_WC_RETRY_EXC_ERR };
  if (!ready) {
    ftv_send((pid_t)m->src_pid, &ack);
  } else if (qp->rq_count && !qp->parked_count) {
    ftv_deliver(qp, m);
  } else if (m->rnr_retry == 0 || ftv_park(qp, m) != 0) {
    ack.status = IBV_WC_RNR_RETRY_EXC_ERR;
    ftv_send((pid_t)m->src_pid, &ack);
  }
}

static void ftv_handle_msg(const struct ftv_msg *m) {
  if (m->type == FTV_MSG_IMM) ftv_handle_imm(m);
  else if (m->type == FTV_MSG_ACK) ftv_ack_local(m->dst_qpn, m->seq, (enum ibv_wc_status)m->status);
}

static void ftv_expire_parked(uint64_t now) {
  for (int i = 0; i < FTV_MAX_QPS; i++) {
    struct ftv_qp *qp = ftv.qps[i];
    if (!qp || !qp->parked_count) continue;
    uint64_t d = qp->parked[qp->parked_head].deadline_us;
    if (d && d <= now) ftv_nak_parked(qp, IBV_WC_RNR_RETRY_EXC_ERR);
  }
}

static uint64_t ftv_next_deadline(void) {
  uint64_t next = 0;
  for (int i = 0; ftv.parked_total && i < FTV_MAX_QPS; i++) {
    struct ftv_qp *qp = ftv.qps[i];
    if (!qp || !qp->parked_count) continue;
    uint64_t d = qp->parked[qp->parked_head].deadline_us;
    if (d && (!next || d < next)) next = d;
  }
  return next;
}
