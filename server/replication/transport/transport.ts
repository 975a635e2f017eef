// What the replication roles need of a link between a primary and a backup once the handshake is done: ordered,
// reliable delivery of frames both ways with backpressure. TCP implements it (tcp.ts); the RDMA transport (rdma.ts)
// wraps a TCP one and carries the batches' bytes by RDMA WRITE instead.

export interface Transport {
  /** Where the peer is (INFO replication's ip=). */
  readonly remoteAddress: string;
  /** Sends one encoded frame; false when the link is congested (wait for onDrain before sending much more). */
  send(frame: Buffer): boolean;
  /**
   * Ships a logical batch (primary → backup), in order with the frames sent before and after it; false when
   * congested. The backup's side delivers it as a Batch frame.
   */
  sendBatch(batch: import('../frames.js').OutgoingBatch): boolean;
  /** What carries batches, for INFO: "tcp", or "rdma" with how many batches went each way. */
  describe(): string;
  /** Bytes handed to send() that the kernel has not taken yet. */
  readonly queuedBytes: number;
  /** Called with the frames that arrived, in order. */
  onFrames: (frames: import('../frames.js').Frame[]) => void;
  /** Called when a congested link can take more. */
  onDrain: () => void;
  /** Called once when the link is gone (peer closed, error, or close()), with why. */
  onClose: (why: string) => void;
  close(why: string): void;
  /** Starts delivering frames (after the handlers are set); `leftover` is stream bytes read before the upgrade. */
  start(leftover?: Buffer | null): void;
}
