// INFO persistence and INFO faha. Persistence speaks Redis's words for the log: it is an always-on
// append-only file (aof_enabled:1) and SAVE/BGSAVE are counted as saves. The faha section describes the log.
import { anonymousResidentBytes } from '../../../platform/resident-memory.js';
import type { ServerAdmin } from '../admin.js';
import { bytesToHuman, fixed, oneLine, type Fields } from './format.js';

export function persistenceSection(s: ServerAdmin): Fields {
  const saves = s.saves;
  const log = s.ks.store.log;
  const cleaner = s.cleaner;
  const pass = cleaner.passStartedAt;
  // Redis's aof_last_write_status: err while write commands are refused (persisting fails or no segment can be made).
  const writeOk = log.writeError === null;
  return [
    ['loading', 0],
    ['async_loading', 0],
    ['current_cow_peak', 0],
    ['current_cow_size', 0],
    ['current_cow_size_age', 0],
    ['current_fork_perc', '0.00'],
    ['current_save_keys_processed', 0],
    ['current_save_keys_total', 0],
    ['rdb_changes_since_last_save', saves.changesSinceSave],
    ['rdb_bgsave_in_progress', saves.inProgress ? 1 : 0],
    ['rdb_last_save_time', saves.lastSave],
    ['rdb_last_bgsave_status', saves.lastBgsaveOk ? 'ok' : 'err'],
    ['rdb_last_bgsave_time_sec', saves.lastBgsaveSecs],
    ['rdb_current_bgsave_time_sec', saves.currentBgsaveSecs],
    ['rdb_saves', saves.saves],
    ['rdb_last_cow_size', 0],
    ['rdb_last_load_keys_expired', 0],
    ['rdb_last_load_keys_loaded', s.ks.store.recovery.keys],
    ['aof_enabled', 1],
    // An AOF rewrite's counterpart is a full cleaning pass (BGREWRITEAOF).
    ['aof_rewrite_in_progress', pass === null ? 0 : 1],
    ['aof_rewrite_scheduled', 0],
    ['aof_last_rewrite_time_sec', cleaner.stats.lastPassMillis < 0 ? -1 : Math.floor(cleaner.stats.lastPassMillis / 1000)],
    ['aof_current_rewrite_time_sec', pass === null ? -1 : Math.floor((Date.now() - pass) / 1000)],
    ['aof_last_bgrewrite_status', 'ok'],
    ['aof_rewrites', cleaner.stats.passes],
    ['aof_rewrites_consecutive_failures', 0],
    ['aof_last_write_status', writeOk ? 'ok' : 'err'],
    ['aof_last_cow_size', 0],
    ['module_fork_in_progress', 0],
    ['module_fork_last_cow_size', 0],
    ['aof_current_size', log.usedBytes],
    // What a fully cleaned log would hold, as the base of a freshly rewritten AOF is the live dataset.
    ['aof_base_size', s.ks.store.liveBytes],
    ['aof_pending_rewrite', 0],
    ['aof_buffer_length', 0],
    ['aof_pending_bio_fsync', 0],
    ['aof_delayed_fsync', 0],
  ];
}

export function fahaSection(s: ServerAdmin): Fields {
  const log = s.ks.store.log;
  const rec = s.ks.store.recovery;
  return [
    ['persistence_backend', s.backend.name],
    ['persistence_backend_description', oneLine(s.backend.description)],
    ['log_is_pmem', log.isPmem ? 1 : 0],
    ['log_disk_bytes', log.diskBytes],
    ['log_disk_human', bytesToHuman(log.diskBytes)],
    ['log_used_bytes', log.usedBytes],
    ['log_used_human', bytesToHuman(log.usedBytes)],
    ['log_segments', log.segmentCount],
    ['log_segment_size', s.config.num('segment-size')],
    ['log_epoch', log.epochNumber],
    ['log_applied_lsn', log.appliedLSN],
    ['log_durable_lsn', log.durableLSN],
    ['log_persisted_lsn', log.persistedLSNValue],
    ['appendfsync', log.fsync],
    ['recovery_keys', rec.keys],
    ['recovery_records', rec.records],
    ['recovery_seconds', fixed(rec.millis / 1000, 3)],
    ['last_persist_error', log.lastPersistError === null ? '' : oneLine(log.lastPersistError.message)],
    ['log_live_bytes', s.ks.store.liveBytes],
    ['log_space_amplification', fixed(s.cleaner.amplification, 2)],
    ['log_max_space_amplification', s.config.str('log-max-space-amplification')],
    ['cleaner_running', s.cleaner.running ? 1 : 0],
    ['cleaner_segments_freed', s.cleaner.stats.segmentsFreed],
    ['cleaner_bytes_freed', s.cleaner.stats.bytesFreed],
    ['cleaner_keys_rewritten', s.cleaner.stats.keysRewritten],
    ['cleaner_bytes_copied', s.cleaner.stats.bytesCopied],
    ['cleaner_last_freed_time', Math.floor(s.cleaner.stats.lastFreedAt / 1000)],
    ...logWriteFields(s),
    ...indexFields(s),
  ];
}

/** The hot/cold index (issue 5): how many keys are in each tier, what DRAM they take, how reads fare. */
function indexFields(s: ServerAdmin): Fields {
  const t = s.hotTier;
  let keys = 0;
  let hot = 0;
  let table = 0;
  for (let db = 0; db < s.ks.databases; db++) {
    const d = s.ks.db(db);
    keys += d.size;
    hot += d.hotCount;
    table += d.tableBytes;
  }
  const hits = t.hotHits;
  const cold = t.coldReads;
  const anon = anonymousResidentBytes();
  return [
    ['index_keys', keys],
    ['index_hot_keys', hot],
    ['index_cold_keys', keys - hot],
    ['index_table_bytes', table],
    ['index_dram_bytes_per_key', keys === 0 ? 0 : Math.round(anon / keys)],
    ['hot_cache_size', t.budget],
    ['hot_bytes', t.hotBytes],
    ['hot_hits', hits],
    ['hot_hit_ratio', fixed(hits + cold === 0 ? 1 : hits / (hits + cold), 4)],
    ['hot_demotions', t.stats.demotions],
    ['hot_images_written', t.stats.imagesWritten],
    ['cold_reads', cold],
    ['cold_reads_per_sec', s.stats.coldReadsPerSec.value],
  ];
}

/** The log's write-error state (issue 4 §4): now, and the newest failure even once it has cleared. */
function logWriteFields(s: ServerAdmin): Fields {
  const log = s.ks.store.log;
  const last = log.lastWriteFailure;
  return [
    ['log_write_status', log.writeError === null ? 'ok' : 'err'],
    ['log_last_error', last === null ? '' : oneLine(last.error.message)],
    ['log_last_error_time', last === null ? 0 : Math.floor(last.at / 1000)],
    ['log_write_errors', log.writeFailures],
  ];
}
