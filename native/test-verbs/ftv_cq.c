/* The double's completion queues and completion channels: a CQ is a ring of ibv_wc; an armed CQ that gains an entry
 * queues one event on its channel, whose fd (an eventfd in semaphore mode) is readable while events wait, like the
 * uverbs fd of a NIC. Part of the unity build of faha_test_verbs.c; it never touches QPs or peers. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

static void ftv_channel_notify(struct ftv_channel *ch, struct ftv_cq *cq) {
  if (ch->count == ch->cap) {
    uint32_t cap = ch->cap ? ch->cap * 2 : 16;
    struct ftv_cq **ev = malloc(cap * sizeof *ev);
    if (!ev) return;
    for (uint32_t i = 0; i < ch->count; i++) ev[i] = ch->events[(ch->head + i) % ch->cap];
    free(ch->events);
    ch->events = ev;
    ch->head = 0;
    ch->cap = cap;
  }
  ch->events[(ch->head + ch->count++) % ch->cap] = cq;
  uint64_t one = 1;
  if (write(ch->ch.fd, &one, sizeof one) < 0) ch->count--;
}

/* Adds a completion (caller holds the lock); a full CQ is an overrun, which poll_cq then reports. */
static void ftv_cq_push(struct ftv_cq *cq, const struct ibv_wc *wc, int solicited) {
  if (cq->count == cq->cap) {
    cq->overflow = 1;
    return;
  }
  cq->ring[(cq->head + cq->count++) % cq->cap] = *wc;
  int fires = !cq->solicited_only || solicited || wc->status != IBV_WC_SUCCESS;
  if (cq->armed && fires && cq->cq.channel) {
    cq->armed = 0;
    ftv_channel_notify((struct ftv_channel *)cq->cq.channel, cq);
  }
}

static int ftv_poll_cq(struct ibv_cq *handle, int num_entries, struct ibv_wc *wc) {
  struct ftv_cq *cq = (struct ftv_cq *)handle;
  pthread_mutex_lock(&ftv.lock);
  if (cq->overflow) {
    pthread_mutex_unlock(&ftv.lock);
    return -EOVERFLOW;
  }
  int n = 0;
  while (n < num_entries && cq->count) {
    wc[n++] = cq->ring[cq->head];
    cq->head = (cq->head + 1) % cq->cap;
    cq->count--;
  }
  pthread_mutex_unlock(&ftv.lock);
  return n;
}

/* As the IB spec says: the next completion added after arming fires, not one already waiting to be polled. */
static int ftv_req_notify_cq(struct ibv_cq *handle, int solicited_only) {
  struct ftv_cq *cq = (struct ftv_cq *)handle;
  if (!cq->cq.channel) return EINVAL;
  pthread_mutex_lock(&ftv.lock);
  cq->armed = 1;
  cq->solicited_only = solicited_only != 0;
  pthread_mutex_unlock(&ftv.lock);
  return 0;
}

struct ibv_comp_channel *ibv_create_comp_channel(struct ibv_context *context) {
  struct ftv_channel *ch = calloc(1, sizeof *ch);
  if (!ch) return NULL;
  ch->ch.context = context;
  ch->ch.fd = eventfd(0, EFD_CLOEXEC | EFD_SEMAPHORE);
  if (ch->ch.fd < 0) {
    free(ch);
    return NULL;
  }
  return &ch->ch;
}

int ibv_destroy_comp_channel(struct ibv_comp_channel *channel) {
  struct ftv_channel *ch = (struct ftv_channel *)channel;
  pthread_mutex_lock(&ftv.lock);
  int busy = ch->ch.refcnt > 0;
  pthread_mutex_unlock(&ftv.lock);
  if (busy) return EBUSY;
  close(ch->ch.fd);
  free(ch->events);
  free(ch);
  return 0;
}

struct ibv_cq *ibv_create_cq(struct ibv_context *context, int cqe, void *cq_context, struct ibv_comp_channel *channel,
                             int comp_vector) {
  if (cqe < 1 || cqe > FTV_MAX_CQE || comp_vector < 0 || comp_vector >= context->num_comp_vectors) {
    errno = EINVAL;
    return NULL;
  }
  struct ftv_cq *cq = calloc(1, sizeof *cq);
  if (!cq || !(cq->ring = calloc((size_t)cqe, sizeof *cq->ring))) {
    free(cq);
    errno = ENOMEM;
    return NULL;
  }
  cq->cap = (uint32_t)cqe;
  cq->cq.context = context;
  cq->cq.channel = channel;
  cq->cq.cq_context = cq_context;
  cq->cq.cqe = cqe;
  pthread_mutex_init(&cq->cq.mutex, NULL);
  pthread_cond_init(&cq->cq.cond, NULL);
  if (channel) {
    pthread_mutex_lock(&ftv.lock);
    channel->refcnt++;
    pthread_mutex_unlock(&ftv.lock);
  }
  return &cq->cq;
}

/* Drops events of a dying CQ that nobody read yet, as the kernel does, taking them off the eventfd count too. */
static void ftv_channel_forget(struct ftv_channel *ch, struct ftv_cq *cq) {
  uint32_t keep = 0, dropped = 0;
  for (uint32_t i = 0; i < ch->count; i++) {
    struct ftv_cq *e = ch->events[(ch->head + i) % ch->cap];
    if (e == cq) dropped++;
    else ch->events[(ch->head + keep++) % ch->cap] = e;
  }
  ch->count = keep;
  int fl = fcntl(ch->ch.fd, F_GETFL);
  fcntl(ch->ch.fd, F_SETFL, fl | O_NONBLOCK);
  uint64_t v;
  while (dropped-- && read(ch->ch.fd, &v, sizeof v) == sizeof v) {}
  fcntl(ch->ch.fd, F_SETFL, fl);
}

/* Real libibverbs blocks here until every event read was acknowledged; the double answers EBUSY instead, so a
 * missing ibv_ack_cq_events shows up as an error rather than a hang. */
int ibv_destroy_cq(struct ibv_cq *handle) {
  struct ftv_cq *cq = (struct ftv_cq *)handle;
  pthread_mutex_lock(&ftv.lock);
  pthread_mutex_lock(&cq->cq.mutex);
  int busy = cq->users > 0 || cq->cq.comp_events_completed != cq->events_reported;
  pthread_mutex_unlock(&cq->cq.mutex);
  if (busy) {
    pthread_mutex_unlock(&ftv.lock);
    return EBUSY;
  }
  if (cq->cq.channel) {
    ftv_channel_forget((struct ftv_channel *)cq->cq.channel, cq);
    cq->cq.channel->refcnt--;
  }
  pthread_mutex_unlock(&ftv.lock);
  free(cq->ring);
  free(cq);
  return 0;
}

/* Reads one event: blocks unless the caller made channel->fd non-blocking (then -1 with errno EAGAIN). */
int ibv_get_cq_event(struct ibv_comp_channel *channel, struct ibv_cq **cq_out, void **cq_context) {
  struct ftv_channel *ch = (struct ftv_channel *)channel;
  uint64_t v;
  if (read(ch->ch.fd, &v, sizeof v) != sizeof v) return -1;
  pthread_mutex_lock(&ftv.lock);
  if (!ch->count) {
    pthread_mutex_unlock(&ftv.lock);
    errno = EAGAIN;
    return -1;
  }
  struct ftv_cq *cq = ch->events[ch->head];
  ch->head = (ch->head + 1) % ch->cap;
  ch->count--;
  cq->events_reported++;
  pthread_mutex_unlock(&ftv.lock);
  *cq_out = &cq->cq;
  *cq_context = cq->cq.cq_context;
  return 0;
}

void ibv_ack_cq_events(struct ibv_cq *cq, unsigned int nevents) {
  pthread_mutex_lock(&cq->mutex);
  cq->comp_events_completed += nevents;
  pthread_cond_signal(&cq->cond);
  pthread_mutex_unlock(&cq->mutex);
}
