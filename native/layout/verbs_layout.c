/* Prints, as JSON, the sizes and field offsets of every libibverbs struct faha's koffi bindings
 * (server/platform/ibverbs-structs.ts) read or write, and the enum values they use, as compiled against the
 * installed <infiniband/verbs.h>. Its output is recorded in server/platform/ibverbs-layout.json; keep the two in sync
 * with: server/platform/ibverbs-structs.ts, server/platform/ibverbs-layout.test.ts. Owns no logic beyond printing. */
#include <infiniband/verbs.h>
#include <stddef.h>
#include <stdio.h>

static int first_struct = 1, first_field = 1;

static void begin(const char *name, size_t size, size_t align, int partial) {
  printf("%s\n    \"%s\": { \"size\": %zu, \"align\": %zu, \"partial\": %s, \"fields\": {", first_struct ? "" : ",", name,
         size, align, partial ? "true" : "false");
  first_struct = 0;
  first_field = 1;
}

static void field(const char *name, size_t offset) {
  printf("%s \"%s\": %zu", first_field ? "" : ",", name, offset);
  first_field = 0;
}

static void end(void) { printf(" } }"); }

/* A struct faha passes to or receives whole from libibverbs (its size matters), or only reads fields of. */
#define WHOLE(T, NAME) begin(NAME, sizeof(T), _Alignof(T), 0)
#define PREFIX(T, NAME) begin(NAME, sizeof(T), _Alignof(T), 1)
#define F(T, PATH) field(#PATH, offsetof(T, PATH))

static void structs(void) {
  WHOLE(union ibv_gid, "ibv_gid");
  F(union ibv_gid, raw);
  end();

  WHOLE(struct ibv_sge, "ibv_sge");
  F(struct ibv_sge, addr); F(struct ibv_sge, length); F(struct ibv_sge, lkey);
  end();

  WHOLE(struct ibv_send_wr, "ibv_send_wr");
  F(struct ibv_send_wr, wr_id); F(struct ibv_send_wr, next); F(struct ibv_send_wr, sg_list);
  F(struct ibv_send_wr, num_sge); F(struct ibv_send_wr, opcode); F(struct ibv_send_wr, send_flags);
  F(struct ibv_send_wr, imm_data); F(struct ibv_send_wr, wr); F(struct ibv_send_wr, wr.rdma.remote_addr);
  F(struct ibv_send_wr, wr.rdma.rkey); F(struct ibv_send_wr, qp_type); F(struct ibv_send_wr, bind_mw);
  end();

  WHOLE(struct ibv_recv_wr, "ibv_recv_wr");
  F(struct ibv_recv_wr, wr_id); F(struct ibv_recv_wr, next); F(struct ibv_recv_wr, sg_list);
  F(struct ibv_recv_wr, num_sge);
  end();

  WHOLE(struct ibv_wc, "ibv_wc");
  F(struct ibv_wc, wr_id); F(struct ibv_wc, status); F(struct ibv_wc, opcode); F(struct ibv_wc, vendor_err);
  F(struct ibv_wc, byte_len); F(struct ibv_wc, imm_data); F(struct ibv_wc, qp_num); F(struct ibv_wc, src_qp);
  F(struct ibv_wc, wc_flags); F(struct ibv_wc, pkey_index); F(struct ibv_wc, slid); F(struct ibv_wc, sl);
  F(struct ibv_wc, dlid_path_bits);
  end();

  WHOLE(struct ibv_qp_cap, "ibv_qp_cap");
  F(struct ibv_qp_cap, max_send_wr); F(struct ibv_qp_cap, max_recv_wr); F(struct ibv_qp_cap, max_send_sge);
  F(struct ibv_qp_cap, max_recv_sge); F(struct ibv_qp_cap, max_inline_data);
  end();

  WHOLE(struct ibv_qp_init_attr, "ibv_qp_init_attr");
  F(struct ibv_qp_init_attr, qp_context); F(struct ibv_qp_init_attr, send_cq); F(struct ibv_qp_init_attr, recv_cq);
  F(struct ibv_qp_init_attr, srq); F(struct ibv_qp_init_attr, cap); F(struct ibv_qp_init_attr, qp_type);
  F(struct ibv_qp_init_attr, sq_sig_all);
  end();

  WHOLE(struct ibv_global_route, "ibv_global_route");
  F(struct ibv_global_route, dgid); F(struct ibv_global_route, flow_label); F(struct ibv_global_route, sgid_index);
  F(struct ibv_global_route, hop_limit); F(struct ibv_global_route, traffic_class);
  end();

  WHOLE(struct ibv_ah_attr, "ibv_ah_attr");
  F(struct ibv_ah_attr, grh); F(struct ibv_ah_attr, dlid); F(struct ibv_ah_attr, sl);
  F(struct ibv_ah_attr, src_path_bits); F(struct ibv_ah_attr, static_rate); F(struct ibv_ah_attr, is_global);
  F(struct ibv_ah_attr, port_num);
  end();

  WHOLE(struct ibv_qp_attr, "ibv_qp_attr");
  F(struct ibv_qp_attr, qp_state); F(struct ibv_qp_attr, cur_qp_state); F(struct ibv_qp_attr, path_mtu);
  F(struct ibv_qp_attr, path_mig_state); F(struct ibv_qp_attr, qkey); F(struct ibv_qp_attr, rq_psn);
  F(struct ibv_qp_attr, sq_psn); F(struct ibv_qp_attr, dest_qp_num); F(struct ibv_qp_attr, qp_access_flags);
  F(struct ibv_qp_attr, cap); F(struct ibv_qp_attr, ah_attr); F(struct ibv_qp_attr, alt_ah_attr);
  F(struct ibv_qp_attr, pkey_index); F(struct ibv_qp_attr, alt_pkey_index); F(struct ibv_qp_attr, en_sqd_async_notify);
  F(struct ibv_qp_attr, sq_draining); F(struct ibv_qp_attr, max_rd_atomic); F(struct ibv_qp_attr, max_dest_rd_atomic);
  F(struct ibv_qp_attr, min_rnr_timer); F(struct ibv_qp_attr, port_num); F(struct ibv_qp_attr, timeout);
  F(struct ibv_qp_attr, retry_cnt); F(struct ibv_qp_attr, rnr_retry); F(struct ibv_qp_attr, alt_port_num);
  F(struct ibv_qp_attr, alt_timeout); F(struct ibv_qp_attr, rate_limit);
  end();

  WHOLE(struct ibv_port_attr, "ibv_port_attr");
  F(struct ibv_port_attr, state); F(struct ibv_port_attr, max_mtu); F(struct ibv_port_attr, active_mtu);
  F(struct ibv_port_attr, gid_tbl_len); F(struct ibv_port_attr, port_cap_flags); F(struct ibv_port_attr, max_msg_sz);
  F(struct ibv_port_attr, bad_pkey_cntr); F(struct ibv_port_attr, qkey_viol_cntr); F(struct ibv_port_attr, pkey_tbl_len);
  F(struct ibv_port_attr, lid); F(struct ibv_port_attr, sm_lid); F(struct ibv_port_attr, lmc);
  F(struct ibv_port_attr, max_vl_num); F(struct ibv_port_attr, sm_sl); F(struct ibv_port_attr, subnet_timeout);
  F(struct ibv_port_attr, init_type_reply); F(struct ibv_port_attr, active_width); F(struct ibv_port_attr, active_speed);
  F(struct ibv_port_attr, phys_state); F(struct ibv_port_attr, link_layer); F(struct ibv_port_attr, flags);
  F(struct ibv_port_attr, port_cap_flags2);
  end();

  WHOLE(struct ibv_mr, "ibv_mr");
  F(struct ibv_mr, context); F(struct ibv_mr, pd); F(struct ibv_mr, addr); F(struct ibv_mr, length);
  F(struct ibv_mr, handle); F(struct ibv_mr, lkey); F(struct ibv_mr, rkey);
  end();

  WHOLE(struct ibv_comp_channel, "ibv_comp_channel");
  F(struct ibv_comp_channel, context); F(struct ibv_comp_channel, fd); F(struct ibv_comp_channel, refcnt);
  end();

  PREFIX(struct ibv_cq, "ibv_cq");
  F(struct ibv_cq, context); F(struct ibv_cq, channel); F(struct ibv_cq, cq_context); F(struct ibv_cq, handle);
  F(struct ibv_cq, cqe);
  end();

  PREFIX(struct ibv_qp, "ibv_qp");
  F(struct ibv_qp, context); F(struct ibv_qp, qp_context); F(struct ibv_qp, pd); F(struct ibv_qp, send_cq);
  F(struct ibv_qp, recv_cq); F(struct ibv_qp, srq); F(struct ibv_qp, handle); F(struct ibv_qp, qp_num);
  F(struct ibv_qp, state); F(struct ibv_qp, qp_type);
  end();

  PREFIX(struct ibv_context, "ibv_context");
  F(struct ibv_context, device); F(struct ibv_context, ops);
  end();

  /* The table verbs.h's static inline ibv_post_send/ibv_post_recv/ibv_poll_cq/ibv_req_notify_cq call through. */
  PREFIX(struct ibv_context_ops, "ibv_context_ops");
  F(struct ibv_context_ops, _compat_query_device); F(struct ibv_context_ops, _compat_query_port);
  F(struct ibv_context_ops, _compat_alloc_pd); F(struct ibv_context_ops, _compat_dealloc_pd);
  F(struct ibv_context_ops, _compat_reg_mr); F(struct ibv_context_ops, _compat_rereg_mr);
  F(struct ibv_context_ops, _compat_dereg_mr); F(struct ibv_context_ops, alloc_mw);
  F(struct ibv_context_ops, bind_mw); F(struct ibv_context_ops, dealloc_mw);
  F(struct ibv_context_ops, _compat_create_cq); F(struct ibv_context_ops, poll_cq);
  F(struct ibv_context_ops, req_notify_cq); F(struct ibv_context_ops, _compat_cq_event);
  F(struct ibv_context_ops, _compat_resize_cq); F(struct ibv_context_ops, _compat_destroy_cq);
  F(struct ibv_context_ops, _compat_create_srq); F(struct ibv_context_ops, _compat_modify_srq);
  F(struct ibv_context_ops, _compat_query_srq); F(struct ibv_context_ops, _compat_destroy_srq);
  F(struct ibv_context_ops, post_srq_recv); F(struct ibv_context_ops, _compat_create_qp);
  F(struct ibv_context_ops, _compat_query_qp); F(struct ibv_context_ops, _compat_modify_qp);
  F(struct ibv_context_ops, _compat_destroy_qp); F(struct ibv_context_ops, post_send);
  F(struct ibv_context_ops, post_recv);
  end();
}

static int first_const = 1;
static void constant(const char *name, long long value) {
  printf("%s\n    \"%s\": %lld", first_const ? "" : ",", name, value);
  first_const = 0;
}
#define C(NAME) constant(#NAME, (long long)(NAME))

static void constants(void) {
  C(IBV_QPT_RC);
  C(IBV_QPS_RESET); C(IBV_QPS_INIT); C(IBV_QPS_RTR); C(IBV_QPS_RTS); C(IBV_QPS_ERR);
  C(IBV_QP_STATE); C(IBV_QP_ACCESS_FLAGS); C(IBV_QP_PKEY_INDEX); C(IBV_QP_PORT); C(IBV_QP_AV);
  C(IBV_QP_PATH_MTU); C(IBV_QP_TIMEOUT); C(IBV_QP_RETRY_CNT); C(IBV_QP_RNR_RETRY); C(IBV_QP_RQ_PSN);
  C(IBV_QP_MAX_QP_RD_ATOMIC); C(IBV_QP_MIN_RNR_TIMER); C(IBV_QP_SQ_PSN); C(IBV_QP_MAX_DEST_RD_ATOMIC);
  C(IBV_QP_DEST_QPN);
  C(IBV_ACCESS_LOCAL_WRITE); C(IBV_ACCESS_REMOTE_WRITE); C(IBV_ACCESS_REMOTE_READ);
  C(IBV_WR_RDMA_WRITE); C(IBV_WR_RDMA_WRITE_WITH_IMM); C(IBV_SEND_SIGNALED);
  C(IBV_WC_SUCCESS); C(IBV_WC_WR_FLUSH_ERR); C(IBV_WC_RDMA_WRITE); C(IBV_WC_RECV); C(IBV_WC_RECV_RDMA_WITH_IMM);
  C(IBV_WC_WITH_IMM);
  C(IBV_MTU_256); C(IBV_MTU_512); C(IBV_MTU_1024); C(IBV_MTU_2048); C(IBV_MTU_4096);
  C(IBV_PORT_ACTIVE);
  C(IBV_LINK_LAYER_UNSPECIFIED); C(IBV_LINK_LAYER_INFINIBAND); C(IBV_LINK_LAYER_ETHERNET);
}

int main(void) {
#if defined(__x86_64__)
  const char *arch = "x64";
#elif defined(__aarch64__)
  const char *arch = "arm64";
#else
  const char *arch = "unknown";
#endif
  /* Named like Node's process.arch, so the server can tell whether the recorded table is for its platform. */
  printf("{\n  \"arch\": \"%s\",\n  \"structs\": {", arch);
  structs();
  printf("\n  },\n  \"constants\": {");
  constants();
  printf("\n  }\n}\n");
  return 0;
}
