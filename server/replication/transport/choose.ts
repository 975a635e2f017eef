// Which transport a replication link runs on (replication-transport auto|tcp|rdma): the TCP connection always
// carries the stream; an RDMA transport is put over it when this end may use RDMA. A primary always wraps, so it
// can answer a backup's RDMA hello (with a refusal when it has no RDMA).
import type { Segment } from '../../engine/segment.js';
import { RdmaTransport } from './rdma.js';
import { rdmaEndpoint, rdmaUnavailable } from './rdma-endpoint.js';
import type { TcpTransport } from './tcp.js';
import type { Transport } from './transport.js';

export type TransportSetting = 'auto' | 'tcp' | 'rdma';

export interface LinkContext {
  setting: TransportSetting;
  segments: () => readonly Segment[];
  segment: (id: number) => Segment | undefined;
  say: (msg: string) => void;
}

/** The reason `rdma` cannot be honoured here, or null (checked at start-up: faha refuses to start without it). */
export function rdmaSettingProblem(setting: TransportSetting): string | null {
  if (setting !== 'rdma' || rdmaEndpoint() !== null) return null;
  return `replication-transport is rdma, but RDMA is unavailable here: ${rdmaUnavailable()}`;
}

export function linkTransport(tcp: TcpTransport, role: 'primary' | 'backup', ctx: LinkContext): Transport {
  const endpoint = ctx.setting === 'tcp' ? null : rdmaEndpoint();
  const segments = { list: ctx.segments, byId: ctx.segment };
  if (role === 'backup') {
    if (endpoint === null) return tcp;
    return new RdmaTransport(tcp, endpoint, 'backup', segments, ctx.setting === 'rdma', ctx.say);
  }
  const refusal = ctx.setting === 'tcp' ? 'replication-transport is tcp' : rdmaUnavailable();
  return new RdmaTransport(tcp, endpoint, 'primary', segments, false, ctx.say, refusal);
}
