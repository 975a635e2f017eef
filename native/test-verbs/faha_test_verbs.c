/* A libibverbs test double: one RoCE-like device, "faha_double0", whose RC QPs write into peer processes with
 * process_vm_writev and deliver immediates through a unix datagram socket per process (see README.md). It exports
 * the libibverbs entry points faha's bindings use, compiled against the real verbs.h, so its structs are the real
 * layouts; it must never be loaded in production (FAHA_IBVERBS_LIB selects it in tests).
 *
 * One translation unit on purpose: the tests build it with one `cc -shared` line, and every helper stays static,
 * so the .so exports exactly the ibv_* names below and in the included ftv_*.c files. */
#include "ftv.h"

#include "ftv_process.c"
#include "ftv_cq.c"
#include "ftv_qp.c"
#include "ftv_post.c"
#include "ftv_qp_state.c"

#undef ibv_query_port
#undef ibv_reg_mr
#undef ibv_reg_mr_iova

struct ftv_context {
  struct ibv_context ctx;
};

static struct ibv_device ftv_device = {
  .node_type = IBV_NODE_CA,
  .transport_type = IBV_TRANSPORT_IB,
  .name = FTV_DEVICE_NAME,
  .dev_name = "uverbs_faha0",
  .dev_path = "/sys/class/infiniband_verbs/uverbs_faha0",
  .ibdev_path = "/sys/class/infiniband/" FTV_DEVICE_NAME,
};

static uint32_t ftv_pd_handles;

/* FAHA_TEST_VERBS_DEVICES=0 makes the double report no device, like a machine without an RDMA NIC. */
struct ibv_device **ibv_get_device_list(int *num_devices) {
  const char *env = getenv("FAHA_TEST_VERBS_DEVICES");
  int n = env && !strcmp(env, "0") ? 0 : 1;
  struct ibv_device **list = calloc(2, sizeof *list);
  if (!list) {
    errno = ENOMEM;
    return NULL;
  }
  if (n) list[0] = &ftv_device;
  if (num_devices) *num_devices = n;
  return list;
}

void ibv_free_device_list(struct ibv_device **list) { free(list); }

const char *ibv_get_device_name(struct ibv_device *device) { return device->name; }

__be64 ibv_get_device_guid(struct ibv_device *device) {
  (void)device;
  return htobe64(0xfa4a000000000001ull);
}

int ibv_fork_init(void) { return 0; }

struct ibv_context *ibv_open_device(struct ibv_device *device) {
  if (device != &ftv_device) {
    errno = ENODEV;
    return NULL;
  }
  struct ftv_context *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  pthread_mutex_lock(&ftv.lock);
  if (ftv.refs == 0 && ftv_process_start() != 0) {
    int err = errno;
    pthread_mutex_unlock(&ftv.lock);
    free(c);
    errno = err;
    return NULL;
  }
  ftv.refs++;
  pthread_mutex_unlock(&ftv.lock);
  c->ctx.device = device;
  c->ctx.ops.post_send = ftv_post_send;
  c->ctx.ops.post_recv = ftv_post_recv;
  c->ctx.ops.poll_cq = ftv_poll_cq;
  c->ctx.ops.req_notify_cq = ftv_req_notify_cq;
  c->ctx.cmd_fd = -1;
  c->ctx.async_fd = -1;
  c->ctx.num_comp_vectors = 1;
  c->ctx.abi_compat = NULL; /* not a verbs_context: verbs.h's inline helpers then call the exported functions */
  pthread_mutex_init(&c->ctx.mutex, NULL);
  return &c->ctx;
}

/* The last close stops the thread and removes this process's socket and registry file. */
int ibv_close_device(struct ibv_context *context) {
  pthread_mutex_lock(&ftv.lock);
  if (--ftv.refs == 0) ftv_process_stop();
  pthread_mutex_unlock(&ftv.lock);
  pthread_mutex_destroy(&context->mutex);
  free(context);
  return 0;
}

int ibv_query_device(struct ibv_context *context, struct ibv_device_attr *attr) {
  (void)context;
  memset(attr, 0, sizeof *attr);
  snprintf(attr->fw_ver, sizeof attr->fw_ver, "faha-test-verbs 1");
  attr->node_guid = ibv_get_device_guid(&ftv_device);
  attr->sys_image_guid = attr->node_guid;
  attr->max_mr_size = UINT64_MAX;
  attr->page_size_cap = 4096;
  attr->vendor_id = 0xfa4a;
  attr->max_qp = FTV_MAX_QPS;
  attr->max_qp_wr = FTV_MAX_WR;
  attr->max_sge = FTV_MAX_SGE;
  attr->max_cq = 4096;
  attr->max_cqe = FTV_MAX_CQE;
  attr->max_mr = FTV_MAX_MRS;
  attr->max_pd = 4096;
  attr->max_qp_rd_atom = attr->max_qp_init_rd_atom = FTV_MAX_RD_ATOMIC;
  attr->max_pkeys = 1;
  attr->phys_port_cnt = 1;
  return 0;
}

/* Exported under the compat prototype, as rdma-core does: fills the fields up to `flags` only, which is all the
 * compat layout has; verbs.h's inline ibv_query_port zeroes the rest before calling this. */
int ibv_query_port(struct ibv_context *context, uint8_t port_num, struct _compat_ibv_port_attr *compat) {
  (void)context;
  if (port_num != 1) return EINVAL;
  struct ibv_port_attr a = {
    .state = IBV_PORT_ACTIVE, .max_mtu = IBV_MTU_4096, .active_mtu = IBV_MTU_1024, .gid_tbl_len = 1,
    .max_msg_sz = 0x80000000u, .pkey_tbl_len = 1, .max_vl_num = 1, .active_width = 2 /* 4X */,
    .active_speed = 32 /* 25 Gb/s */, .phys_state = 5 /* LinkUp */, .link_layer = IBV_LINK_LAYER_ETHERNET,
  };
  memcpy(compat, &a, offsetof(struct ibv_port_attr, port_cap_flags2));
  return 0;
}

/* GID index 0 of port 1: "FAHA", this process's pid (big-endian), the registry nonce. */
int ibv_query_gid(struct ibv_context *context, uint8_t port_num, int index, union ibv_gid *gid) {
  (void)context;
  if (port_num != 1 || index != 0) return -1;
  pthread_mutex_lock(&ftv.lock);
  int ok = ftv.reg != NULL;
  if (ok) {
    uint32_t pid = (uint32_t)ftv.pid;
    memcpy(gid->raw, "FAHA", 4);
    gid->raw[4] = (uint8_t)(pid >> 24), gid->raw[5] = (uint8_t)(pid >> 16);
    gid->raw[6] = (uint8_t)(pid >> 8), gid->raw[7] = (uint8_t)pid;
    memcpy(gid->raw + 8, ftv.reg->nonce, 8);
  }
  pthread_mutex_unlock(&ftv.lock);
  return ok ? 0 : -1;
}

const char *ibv_wc_status_str(enum ibv_wc_status status) {
  static const char *const s[] = {
    "success", "local length error", "local QP operation error", "local EE context operation error",
    "local protection error", "Work Request Flushed Error", "memory management operation error",
    "bad response error", "local access error", "remote invalid request error", "remote access error",
    "remote operation error", "transport retry counter exceeded", "RNR retry counter exceeded",
    "local RDD violation error", "remote invalid RD request", "aborted error", "invalid EE context number",
    "invalid EE context state", "fatal error", "response timeout error", "general error",
  };
  return (unsigned)status < sizeof s / sizeof s[0] ? s[status] : "unknown";
}

struct ibv_pd *ibv_alloc_pd(struct ibv_context *context) {
  struct ftv_pd *pd = calloc(1, sizeof *pd);
  if (!pd) return NULL;
  pd->pd.context = context;
  pd->pd.handle = __atomic_add_fetch(&ftv_pd_handles, 1, __ATOMIC_RELAXED);
  return &pd->pd;
}

int ibv_dealloc_pd(struct ibv_pd *handle) {
  struct ftv_pd *pd = (struct ftv_pd *)handle;
  pthread_mutex_lock(&ftv.lock);
  int busy = pd->users > 0;
  pthread_mutex_unlock(&ftv.lock);
  if (busy) return EBUSY;
  free(pd);
  return 0;
}

static int ftv_free_mr_slot(void) {
  for (int i = 0; i < FTV_MAX_MRS; i++)
    if (!ftv.reg->mrs[i].live) return i;
  return -1;
}

/* Publishes the MR in this process's registry, where a peer's post_send finds it by rkey. */
struct ibv_mr *ibv_reg_mr_iova2(struct ibv_pd *pd, void *addr, size_t length, uint64_t iova, unsigned int access) {
  if ((access & (IBV_ACCESS_REMOTE_WRITE | IBV_ACCESS_REMOTE_ATOMIC)) && !(access & IBV_ACCESS_LOCAL_WRITE)) {
    errno = EINVAL;
    return NULL;
  }
  struct ftv_mr *mr = calloc(1, sizeof *mr);
  if (!mr) return NULL;
  pthread_mutex_lock(&ftv.lock);
  int slot = ftv_free_mr_slot();
  if (slot < 0) {
    pthread_mutex_unlock(&ftv.lock);
    free(mr);
    errno = ENOMEM;
    return NULL;
  }
  uint8_t key = (uint8_t)(ftv.mr_key[slot] + 1);
  ftv.mr_key[slot] = key = key ? key : 1; /* a new key byte per reuse, so a stale rkey misses */
  uint32_t rkey = (uint32_t)slot << 8 | key;
  struct ftv_mr_slot *s = &ftv.reg->mrs[slot];
  *s = (struct ftv_mr_slot){ .rkey = rkey, .access = access, .pd = pd->handle, .addr = (uintptr_t)addr,
                             .iova = iova, .length = length };
  __atomic_store_n(&s->live, 1, __ATOMIC_RELEASE);
  ((struct ftv_pd *)pd)->users++;
  pthread_mutex_unlock(&ftv.lock);
  mr->pd = (struct ftv_pd *)pd;
  mr->slot = (uint32_t)slot;
  mr->mr = (struct ibv_mr){ .context = pd->context, .pd = pd, .addr = addr, .length = length,
                            .handle = (uint32_t)slot, .lkey = rkey, .rkey = rkey };
  return &mr->mr;
}

struct ibv_mr *ibv_reg_mr(struct ibv_pd *pd, void *addr, size_t length, int access) {
  return ibv_reg_mr_iova2(pd, addr, length, (uintptr_t)addr, (unsigned int)access);
}

struct ibv_mr *ibv_reg_mr_iova(struct ibv_pd *pd, void *addr, size_t length, uint64_t iova, int access) {
  return ibv_reg_mr_iova2(pd, addr, length, iova, (unsigned int)access);
}

int ibv_dereg_mr(struct ibv_mr *handle) {
  struct ftv_mr *mr = (struct ftv_mr *)handle;
  pthread_mutex_lock(&ftv.lock);
  if (ftv.reg) __atomic_store_n(&ftv.reg->mrs[mr->slot].live, 0, __ATOMIC_RELEASE);
  mr->pd->users--;
  pthread_mutex_unlock(&ftv.lock);
  free(mr);
  return 0;
}
