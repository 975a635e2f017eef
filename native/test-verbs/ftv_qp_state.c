/* The double's QP objects: ibv_create_qp / ibv_destroy_qp / ibv_query_qp and ibv_modify_qp, which enforces the IB
 * spec's RC state machine (required and optional attribute masks per transition, as the kernel's
 * ib_modify_qp_is_ok) and reads the peer's pid from the remote GID at RTR. Part of the unity build of
 * faha_test_verbs.c; the data path is ftv_post.c's. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define M(x) IBV_QP_##x
static const struct {
  enum ibv_qp_state cur, next;
  uint32_t req, opt;
} ftv_transitions[] = {
  { IBV_QPS_RESET, IBV_QPS_INIT, M(PKEY_INDEX) | M(PORT) | M(ACCESS_FLAGS), 0 },
  { IBV_QPS_INIT, IBV_QPS_INIT, 0, M(PKEY_INDEX) | M(PORT) | M(ACCESS_FLAGS) },
  { IBV_QPS_INIT, IBV_QPS_RTR, M(AV) | M(PATH_MTU) | M(DEST_QPN) | M(RQ_PSN) | M(MAX_DEST_RD_ATOMIC) | M(MIN_RNR_TIMER),
    M(ALT_PATH) | M(ACCESS_FLAGS) | M(PKEY_INDEX) },
  { IBV_QPS_RTR, IBV_QPS_RTS, M(TIMEOUT) | M(RETRY_CNT) | M(RNR_RETRY) | M(SQ_PSN) | M(MAX_QP_RD_ATOMIC),
    M(CUR_STATE) | M(ALT_PATH) | M(ACCESS_FLAGS) | M(MIN_RNR_TIMER) | M(PATH_MIG_STATE) },
  { IBV_QPS_RTS, IBV_QPS_RTS, 0, M(CUR_STATE) | M(ACCESS_FLAGS) | M(ALT_PATH) | M(PATH_MIG_STATE) | M(MIN_RNR_TIMER) },
};

static int ftv_transition_ok(enum ibv_qp_state cur, enum ibv_qp_state next, uint32_t mask) {
  if (next == IBV_QPS_RESET || next == IBV_QPS_ERR) return (mask & ~(uint32_t)M(STATE)) == 0;
  for (size_t i = 0; i < sizeof ftv_transitions / sizeof ftv_transitions[0]; i++) {
    if (ftv_transitions[i].cur != cur || ftv_transitions[i].next != next) continue;
    uint32_t req = ftv_transitions[i].req, allowed = req | ftv_transitions[i].opt | M(STATE);
    return (mask & req) == req && (mask & ~allowed) == 0;
  }
  return 0;
}

/* The remote GID names the peer process: "FAHA", its pid (big-endian), its registry nonce. RoCE needs a GRH. */
static int ftv_check_av(const struct ibv_ah_attr *ah) {
  const uint8_t *g = ah->grh.dgid.raw;
  if (!ah->is_global || ah->port_num != 1 || ah->grh.sgid_index != 0 || memcmp(g, "FAHA", 4)) return EINVAL;
  return (g[4] | g[5] | g[6] | g[7]) ? 0 : EINVAL;
}

static int ftv_check_attr(const struct ibv_qp_attr *a, uint32_t mask) {
  if ((mask & M(PKEY_INDEX)) && a->pkey_index != 0) return EINVAL;
  if ((mask & M(PORT)) && a->port_num != 1) return EINVAL;
  if ((mask & M(AV)) && ftv_check_av(&a->ah_attr)) return EINVAL;
  if ((mask & M(PATH_MTU)) && (a->path_mtu < IBV_MTU_256 || a->path_mtu > IBV_MTU_4096)) return EINVAL;
  if ((mask & M(MAX_DEST_RD_ATOMIC)) && a->max_dest_rd_atomic > FTV_MAX_RD_ATOMIC) return EINVAL;
  if ((mask & M(MAX_QP_RD_ATOMIC)) && a->max_rd_atomic > FTV_MAX_RD_ATOMIC) return EINVAL;
  if ((mask & M(MIN_RNR_TIMER)) && a->min_rnr_timer > 31) return EINVAL;
  if ((mask & M(TIMEOUT)) && a->timeout > 31) return EINVAL;
  if ((mask & M(RETRY_CNT)) && a->retry_cnt > 7) return EINVAL;
  if ((mask & M(RNR_RETRY)) && a->rnr_retry > 7) return EINVAL;
  return 0;
}

static void ftv_apply_attr(struct ftv_qp *qp, const struct ibv_qp_attr *a, uint32_t mask) {
  if (mask & M(PKEY_INDEX)) qp->pkey_index = a->pkey_index;
  if (mask & M(PORT)) qp->port = a->port_num;
  if (mask & M(ACCESS_FLAGS)) qp->access = (uint32_t)a->qp_access_flags;
  if (mask & M(PATH_MTU)) qp->path_mtu = a->path_mtu;
  if (mask & M(DEST_QPN)) qp->remote_qpn = a->dest_qp_num & 0xffffff;
  if (mask & M(RQ_PSN)) qp->rq_psn = a->rq_psn & 0xffffff;
  if (mask & M(SQ_PSN)) qp->sq_psn = a->sq_psn & 0xffffff;
  if (mask & M(MAX_DEST_RD_ATOMIC)) qp->max_dest_rd_atomic = a->max_dest_rd_atomic;
  if (mask & M(MAX_QP_RD_ATOMIC)) qp->max_rd_atomic = a->max_rd_atomic;
  if (mask & M(MIN_RNR_TIMER)) qp->min_rnr_timer = a->min_rnr_timer;
  if (mask & M(TIMEOUT)) qp->timeout = a->timeout;
  if (mask & M(RETRY_CNT)) qp->retry_cnt = a->retry_cnt;
  if (mask & M(RNR_RETRY)) qp->rnr_retry = a->rnr_retry;
  if (mask & M(AV)) {
    const uint8_t *g = a->ah_attr.grh.dgid.raw;
    qp->remote_pid = (uint32_t)g[4] << 24 | (uint32_t)g[5] << 16 | (uint32_t)g[6] << 8 | g[7];
    memcpy(qp->remote_nonce, g + 8, 8);
  }
}

/* Back to RESET: queues are emptied without completions, as on a NIC. */
static void ftv_reset(struct ftv_qp *qp) {
  ftv_nak_parked(qp, IBV_WC_RETRY_EXC_ERR);
  qp->sq_head = qp->sq_count = qp->rq_head = qp->rq_count = 0;
  qp->remote_pid = qp->remote_qpn = 0;
  memset(qp->remote_nonce, 0, 8);
  qp->qp.state = IBV_QPS_RESET;
}

int ibv_modify_qp(struct ibv_qp *handle, struct ibv_qp_attr *attr, int attr_mask) {
  struct ftv_qp *qp = (struct ftv_qp *)handle;
  uint32_t mask = (uint32_t)attr_mask;
  pthread_mutex_lock(&ftv.lock);
  enum ibv_qp_state cur = qp->qp.state, next = (mask & M(STATE)) ? attr->qp_state : cur;
  int rc = ftv_transition_ok(cur, next, mask) ? ftv_check_attr(attr, mask) : EINVAL;
  if (!rc && (mask & M(CUR_STATE)) && attr->cur_qp_state != cur) rc = EINVAL;
  if (!rc) {
    ftv_apply_attr(qp, attr, mask);
    if (next == IBV_QPS_RESET) ftv_reset(qp);
    else if (next == IBV_QPS_ERR) ftv_to_err(qp);
    else qp->qp.state = next;
    ftv_publish(qp);
  }
  pthread_mutex_unlock(&ftv.lock);
  return rc;
}

static int ftv_check_init_attr(const struct ibv_qp_init_attr *a) {
  const struct ibv_qp_cap *c = &a->cap;
  if (a->qp_type != IBV_QPT_RC) return EOPNOTSUPP;
  if (!a->send_cq || !a->recv_cq || a->srq) return EINVAL;
  if (c->max_send_wr < 1 || c->max_send_wr > FTV_MAX_WR || c->max_recv_wr > FTV_MAX_WR) return EINVAL;
  if (c->max_send_sge > FTV_MAX_SGE || c->max_recv_sge > FTV_MAX_SGE || c->max_inline_data > FTV_MAX_INLINE)
    return EINVAL;
  return 0;
}

static int ftv_free_qp_slot(void) {
  for (int i = 0; i < FTV_MAX_QPS; i++)
    if (!ftv.qps[i]) return i;
  return -1;
}

struct ibv_qp *ibv_create_qp(struct ibv_pd *pd, struct ibv_qp_init_attr *a) {
  int rc = ftv_check_init_attr(a);
  struct ftv_qp *qp = rc ? NULL : calloc(1, sizeof *qp);
  if (!rc && (!qp || !(qp->sq = calloc(a->cap.max_send_wr, sizeof *qp->sq)) ||
              !(qp->rq = calloc(a->cap.max_recv_wr + 1, sizeof *qp->rq))))
    rc = ENOMEM;
  pthread_mutex_lock(&ftv.lock);
  int slot = rc ? -1 : ftv_free_qp_slot();
  if (!rc && slot < 0) rc = ENOMEM;
  if (rc) {
    pthread_mutex_unlock(&ftv.lock);
    if (qp) free(qp->sq), free(qp->rq), free(qp);
    errno = rc;
    return NULL;
  }
  uint16_t gen = ftv.qp_gen[slot] = (uint16_t)(ftv.qp_gen[slot] % 0x3fff + 1);
  qp->slot = (uint32_t)slot;
  qp->cap = a->cap;
  qp->sq_sig_all = a->sq_sig_all;
  qp->qp = (struct ibv_qp){ .context = pd->context, .qp_context = a->qp_context, .pd = pd, .send_cq = a->send_cq,
                            .recv_cq = a->recv_cq, .handle = (uint32_t)slot, .qp_num = (uint32_t)gen << 10 | (uint32_t)slot,
                            .state = IBV_QPS_RESET, .qp_type = IBV_QPT_RC };
  pthread_mutex_init(&qp->qp.mutex, NULL);
  pthread_cond_init(&qp->qp.cond, NULL);
  ftv.qps[slot] = qp;
  ((struct ftv_pd *)pd)->users++;
  ((struct ftv_cq *)a->send_cq)->users++;
  ((struct ftv_cq *)a->recv_cq)->users++;
  struct ftv_qp_slot *s = &ftv.reg->qps[slot];
  *s = (struct ftv_qp_slot){ .qpn = qp->qp.qp_num, .pd = pd->handle, .state = IBV_QPS_RESET };
  __atomic_store_n(&s->live, 1, __ATOMIC_RELEASE);
  pthread_mutex_unlock(&ftv.lock);
  return &qp->qp;
}

int ibv_destroy_qp(struct ibv_qp *handle) {
  struct ftv_qp *qp = (struct ftv_qp *)handle;
  pthread_mutex_lock(&ftv.lock);
  ftv_nak_parked(qp, IBV_WC_RETRY_EXC_ERR);
  __atomic_store_n(&ftv.reg->qps[qp->slot].live, 0, __ATOMIC_RELEASE);
  ftv.qps[qp->slot] = NULL;
  ((struct ftv_pd *)qp->qp.pd)->users--;
  ((struct ftv_cq *)qp->qp.send_cq)->users--;
  ((struct ftv_cq *)qp->qp.recv_cq)->users--;
  pthread_mutex_unlock(&ftv.lock);
  free(qp->sq);
  free(qp->rq);
  free(qp->parked);
  free(qp);
  return 0;
}

int ibv_query_qp(struct ibv_qp *handle, struct ibv_qp_attr *attr, int attr_mask, struct ibv_qp_init_attr *init) {
  struct ftv_qp *qp = (struct ftv_qp *)handle;
  (void)attr_mask; /* like providers, fill everything */
  pthread_mutex_lock(&ftv.lock);
  memset(attr, 0, sizeof *attr);
  attr->qp_state = attr->cur_qp_state = qp->qp.state;
  attr->path_mtu = (enum ibv_mtu)qp->path_mtu;
  attr->qp_access_flags = (int)qp->access;
  attr->dest_qp_num = qp->remote_qpn;
  attr->rq_psn = qp->rq_psn;
  attr->sq_psn = qp->sq_psn;
  attr->cap = qp->cap;
  attr->pkey_index = (uint16_t)qp->pkey_index;
  attr->port_num = (uint8_t)qp->port;
  attr->max_rd_atomic = (uint8_t)qp->max_rd_atomic;
  attr->max_dest_rd_atomic = (uint8_t)qp->max_dest_rd_atomic;
  attr->min_rnr_timer = (uint8_t)qp->min_rnr_timer;
  attr->timeout = (uint8_t)qp->timeout;
  attr->retry_cnt = (uint8_t)qp->retry_cnt;
  attr->rnr_retry = (uint8_t)qp->rnr_retry;
  memset(init, 0, sizeof *init);
  *init = (struct ibv_qp_init_attr){ .qp_context = qp->qp.qp_context, .send_cq = qp->qp.send_cq,
                                     .recv_cq = qp->qp.recv_cq, .cap = qp->cap, .qp_type = IBV_QPT_RC,
                                     .sq_sig_all = qp->sq_sig_all };
  pthread_mutex_unlock(&ftv.lock);
  return 0;
}
#undef M
