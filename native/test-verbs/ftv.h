/* Internal types of the libibverbs test double: the per-process registry that peers map, the objects behind the
 * verbs handles, and the wire messages between processes. Only the double's own sources include this file; it
 * defines no exported symbol. */
#ifndef FTV_H
#define FTV_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <infiniband/verbs.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/types.h>

#define FTV_DEVICE_NAME "faha_double0"
#define FTV_MAGIC "FAHAVRB1"
#define FTV_MAX_QPS 1024 /* qpn = generation << 10 | slot */
#define FTV_MAX_MRS 4096 /* rkey = lkey = slot << 8 | key byte */
#define FTV_MAX_SGE 16
#define FTV_MAX_WR 16384
#define FTV_MAX_CQE 65536
#define FTV_MAX_INLINE 256
#define FTV_MAX_RD_ATOMIC 16

/* One MR as peers see it. `live` is stored last on registration and cleared first on deregistration. */
struct ftv_mr_slot {
  uint32_t live;
  uint32_t rkey;
  uint32_t access;
  uint32_t pd; /* handle of the MR's protection domain */
  uint64_t addr;   /* where the bytes are in the owner's address space */
  uint64_t iova;   /* the address work requests use (== addr unless registered with an iova) */
  uint64_t length;
};

/* One QP as peers see it: a writer checks that the target QP exists, is connected to it and allows remote writes. */
struct ftv_qp_slot {
  uint32_t live;
  uint32_t qpn;
  uint32_t state; /* enum ibv_qp_state */
  uint32_t access;
  uint32_t remote_pid;
  uint32_t remote_qpn;
  uint32_t pd;
  uint32_t pad;
};

/* The file /tmp/faha-verbs-<uid>/<pid>.mrs, mapped shared by its owner (read-write) and by peers (read-only). */
struct ftv_registry {
  char magic[8];
  uint8_t nonce[8]; /* also GID bytes 8-15: tells this process from an earlier one with the same pid */
  uint32_t pid;
  uint32_t alive;
  struct ftv_qp_slot qps[FTV_MAX_QPS];
  struct ftv_mr_slot mrs[FTV_MAX_MRS];
};

enum { FTV_MSG_IMM = 1, FTV_MSG_ACK = 2 };

/* One datagram on a process's socket: an immediate (after its bytes were written) or the answer to one. */
struct ftv_msg {
  uint32_t type;
  uint32_t src_pid;
  uint32_t src_qpn;
  uint32_t dst_qpn;
  uint64_t seq;      /* the sender's send-queue sequence number, echoed in the ACK */
  uint32_t imm_data; /* network byte order, exactly as posted */
  uint32_t byte_len;
  uint32_t status;   /* ACK: enum ibv_wc_status */
  uint8_t rnr_retry; /* IMM: the sender's rnr_retry (7 = forever) */
  uint8_t solicited;
  uint8_t pad[2];
};

struct ftv_send_entry {
  uint64_t seq;
  uint64_t wr_id;
  uint32_t byte_len;
  uint32_t status;
  uint8_t opcode; /* enum ibv_wc_opcode */
  uint8_t signaled;
  uint8_t done;
};

struct ftv_parked {
  struct ftv_msg msg;
  uint64_t deadline_us; /* 0: retry forever */
};

struct ftv_cq {
  struct ibv_cq cq; /* first: the handle users hold */
  struct ibv_wc *ring;
  uint32_t cap, head, count;
  int armed, solicited_only, overflow;
  uint32_t users;
  uint32_t events_reported;
};

struct ftv_channel {
  struct ibv_comp_channel ch;
  struct ftv_cq **events;
  uint32_t cap, head, count;
};

struct ftv_qp {
  struct ibv_qp qp;
  uint32_t slot;
  struct ibv_qp_cap cap;
  int sq_sig_all;
  uint32_t access, port, pkey_index, path_mtu, min_rnr_timer, rnr_retry, retry_cnt, timeout;
  uint32_t sq_psn, rq_psn, max_rd_atomic, max_dest_rd_atomic;
  uint32_t remote_pid, remote_qpn;
  uint8_t remote_nonce[8];
  struct ftv_send_entry *sq; /* ring of cap.max_send_wr, in posting order */
  uint32_t sq_head, sq_count;
  uint64_t next_seq;
  uint64_t *rq; /* ring of posted receive wr_ids */
  uint32_t rq_head, rq_count;
  struct ftv_parked *parked; /* immediates waiting for a receive WR (RNR retry) */
  uint32_t parked_head, parked_count, parked_cap;
};

struct ftv_pd {
  struct ibv_pd pd;
  uint32_t users;
};

struct ftv_mr {
  struct ibv_mr mr;
  struct ftv_pd *pd;
  uint32_t slot;
};

#endif
