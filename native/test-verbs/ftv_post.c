/* The double's data path: ibv_post_send (RDMA WRITE and WRITE_WITH_IMM, written into the peer process with
 * process_vm_writev after checking its QP and MR in the peer's registry) and ibv_post_recv. Part of the unity build
 * of faha_test_verbs.c; completions and peer answers are ftv_qp.c's. */
#include <errno.h>
#include <sys/uio.h>

/* Gathers a WR's SGEs into iovecs of this process, checking each lkey as a NIC would (IBV_WC_LOC_PROT_ERR). */
static enum ibv_wc_status ftv_local_iov(struct ftv_qp *qp, const struct ibv_send_wr *wr, struct iovec *iov) {
  for (int i = 0; i < wr->num_sge; i++) {
    const struct ibv_sge *g = &wr->sg_list[i];
    if (wr->send_flags & IBV_SEND_INLINE) {
      iov[i] = (struct iovec){ (void *)(uintptr_t)g->addr, g->length };
      continue;
    }
    const struct ftv_mr_slot *m = &ftv.reg->mrs[(g->lkey >> 8) % FTV_MAX_MRS];
    if (!m->live || m->rkey != g->lkey || m->pd != qp->qp.pd->handle || g->addr < m->iova ||
        g->addr - m->iova > m->length || g->length > m->length - (g->addr - m->iova))
      return IBV_WC_LOC_PROT_ERR;
    iov[i] = (struct iovec){ (void *)(uintptr_t)(m->addr + (g->addr - m->iova)), g->length };
  }
  return IBV_WC_SUCCESS;
}

/* Checks the target MR in a snapshot of the peer's slot (re-reading rkey and live guards against reuse). */
static int ftv_remote_mr(const struct ftv_mr_slot *s, uint32_t rkey, uint32_t pd, uint64_t raddr, uint32_t len,
                         uint64_t *target) {
  if (!__atomic_load_n(&s->live, __ATOMIC_ACQUIRE)) return -1;
  struct ftv_mr_slot m = *s;
  __atomic_thread_fence(__ATOMIC_ACQUIRE);
  if (!__atomic_load_n(&s->live, __ATOMIC_RELAXED) || s->rkey != rkey || m.rkey != rkey) return -1;
  if (!(m.access & IBV_ACCESS_REMOTE_WRITE) || m.pd != pd) return -1;
  if (raddr < m.iova || raddr - m.iova > m.length || len > m.length - (raddr - m.iova)) return -1;
  *target = m.addr + (raddr - m.iova);
  return 0;
}

static enum ibv_wc_status ftv_remote_write(struct ftv_qp *qp, const struct ibv_send_wr *wr, struct iovec *iov,
                                           uint32_t len) {
  const struct ftv_registry *reg = ftv_peer_registry((pid_t)qp->remote_pid, qp->remote_nonce);
  if (!reg) return IBV_WC_RETRY_EXC_ERR;
  const struct ftv_qp_slot *s = &reg->qps[qp->remote_qpn % FTV_MAX_QPS];
  uint32_t state = __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
  if (!s->live || s->qpn != qp->remote_qpn || (state != IBV_QPS_RTR && state != IBV_QPS_RTS) ||
      s->remote_pid != (uint32_t)ftv.pid || s->remote_qpn != qp->qp.qp_num)
    return IBV_WC_RETRY_EXC_ERR; /* a NIC's packets to such a QP are dropped until the retries run out */
  if (!(s->access & IBV_ACCESS_REMOTE_WRITE)) return IBV_WC_REM_ACCESS_ERR;
  if (len == 0) return IBV_WC_SUCCESS;
  uint64_t target;
  if (ftv_remote_mr(&reg->mrs[(wr->wr.rdma.rkey >> 8) % FTV_MAX_MRS], wr->wr.rdma.rkey, s->pd,
                    wr->wr.rdma.remote_addr, len, &target) != 0)
    return IBV_WC_REM_ACCESS_ERR;
  struct iovec remote = { (void *)(uintptr_t)target, len };
  ssize_t n = process_vm_writev((pid_t)qp->remote_pid, iov, (unsigned long)wr->num_sge, &remote, 1, 0);
  if (n == (ssize_t)len) return IBV_WC_SUCCESS;
  return n < 0 && errno == ESRCH ? IBV_WC_RETRY_EXC_ERR : IBV_WC_REM_ACCESS_ERR;
}

static int ftv_check_send_wr(const struct ftv_qp *qp, const struct ibv_send_wr *wr) {
  if (qp->qp.state != IBV_QPS_RTS && qp->qp.state != IBV_QPS_ERR) return EINVAL;
  if (wr->opcode != IBV_WR_RDMA_WRITE && wr->opcode != IBV_WR_RDMA_WRITE_WITH_IMM) return EINVAL;
  if (wr->num_sge < 0 || (uint32_t)wr->num_sge > qp->cap.max_send_sge || (wr->num_sge && !wr->sg_list)) return EINVAL;
  uint64_t len = 0;
  for (int i = 0; i < wr->num_sge; i++) len += wr->sg_list[i].length;
  if (len > 0x80000000u) return EINVAL;
  if ((wr->send_flags & IBV_SEND_INLINE) && len > qp->cap.max_inline_data) return EINVAL;
  return qp->sq_count == qp->cap.max_send_wr ? ENOMEM : 0;
}

static void ftv_post_one(struct ftv_qp *qp, const struct ibv_send_wr *wr) {
  uint32_t len = 0;
  for (int i = 0; i < wr->num_sge; i++) len += wr->sg_list[i].length;
  uint64_t seq = qp->next_seq++;
  qp->sq[(qp->sq_head + qp->sq_count++) % qp->cap.max_send_wr] = (struct ftv_send_entry){
    .seq = seq, .wr_id = wr->wr_id, .byte_len = len, .opcode = IBV_WC_RDMA_WRITE,
    .signaled = qp->sq_sig_all || (wr->send_flags & IBV_SEND_SIGNALED) };
  if (qp->qp.state == IBV_QPS_ERR) {
    ftv_ack_local(qp->qp.qp_num, seq, IBV_WC_WR_FLUSH_ERR);
    return;
  }
  struct iovec iov[FTV_MAX_SGE];
  enum ibv_wc_status status = ftv_local_iov(qp, wr, iov);
  if (status == IBV_WC_SUCCESS) status = ftv_remote_write(qp, wr, iov, len);
  if (status != IBV_WC_SUCCESS || wr->opcode == IBV_WR_RDMA_WRITE) {
    ftv_ack_local(qp->qp.qp_num, seq, status);
    return;
  }
  /* The bytes are in place; the peer's thread consumes a receive WR and answers, which completes this WR. */
  struct ftv_msg m = { .type = FTV_MSG_IMM, .src_pid = (uint32_t)ftv.pid, .src_qpn = qp->qp.qp_num,
                       .dst_qpn = qp->remote_qpn, .seq = seq, .imm_data = wr->imm_data, .byte_len = len,
                       .rnr_retry = (uint8_t)qp->rnr_retry, .solicited = (wr->send_flags & IBV_SEND_SOLICITED) != 0 };
  ftv_send((pid_t)qp->remote_pid, &m);
}

static int ftv_post_send(struct ibv_qp *handle, struct ibv_send_wr *wr, struct ibv_send_wr **bad_wr) {
  struct ftv_qp *qp = (struct ftv_qp *)handle;
  int rc = 0;
  pthread_mutex_lock(&ftv.lock);
  for (; wr; wr = wr->next) {
    if ((rc = ftv_check_send_wr(qp, wr)) != 0) {
      *bad_wr = wr;
      break;
    }
    ftv_post_one(qp, wr);
  }
  pthread_mutex_unlock(&ftv.lock);
  return rc;
}

static int ftv_post_recv(struct ibv_qp *handle, struct ibv_recv_wr *wr, struct ibv_recv_wr **bad_wr) {
  struct ftv_qp *qp = (struct ftv_qp *)handle;
  int rc = 0;
  pthread_mutex_lock(&ftv.lock);
  for (; wr; wr = wr->next) {
    if (qp->qp.state == IBV_QPS_RESET || wr->num_sge < 0 || (uint32_t)wr->num_sge > qp->cap.max_recv_sge) rc = EINVAL;
    else if (qp->rq_count == qp->cap.max_recv_wr) rc = ENOMEM;
    if (rc) {
      *bad_wr = wr;
      break;
    }
    if (qp->qp.state == IBV_QPS_ERR) {
      struct ibv_wc wc = { .wr_id = wr->wr_id, .status = IBV_WC_WR_FLUSH_ERR, .opcode = IBV_WC_RECV,
                           .qp_num = qp->qp.qp_num };
      ftv_cq_push((struct ftv_cq *)qp->qp.recv_cq, &wc, 0);
      continue;
    }
    qp->rq[(qp->rq_head + qp->rq_count++) % qp->cap.max_recv_wr] = wr->wr_id;
  }
  ftv_deliver_parked(qp);
  pthread_mutex_unlock(&ftv.lock);
  return rc;
}
