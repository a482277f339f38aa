import { createHash } from 'node:crypto';
import type { EntityType } from '../domain/entities.js';
import { matchKey } from '../domain/fold.js';
import type { GraphStore, QueryCounter, WriteTransaction } from './graph-store.js';
import { WRITE_LOCK_LABEL } from './model.js';

/**
 * Write locks that serialise loads and curation touching the same entities, documents or names.
 *
 * Neo4j reads committed data without locks, so a check ("is this entity still supported?",
 * "which entity has this name?") made before the writer holds a lock can be stale by the time
 * it writes. Every writer therefore takes its locks FIRST, then reads, then writes, all in one
 * transaction. A lock is a `(:WriteLock {key})` node under a uniqueness constraint, MERGEd at
 * the start and deleted before commit: a second transaction MERGEing the same key waits on the
 * constraint's index entry until the first commits. Nothing persists, so lock nodes never show
 * in the graph.
 *
 * What depends on what is only known after reading (a redirect's target, the entity a name
 * matched, the entities a document mentions), so writers lock to a fixed point: read, lock what
 * the read named, read again, until a read names nothing new. Locks taken in several rounds can
 * deadlock; Neo4j detects it and the driver retries the whole transaction (bodies are safe to
 * retry).
 */

export type LockKind = 'entity' | 'document' | 'name';

/** Test-only: called before each lock statement, so a test can hold a writer right there. */
export interface WriteHooks {
  beforeLock?(operation: string, keys: readonly string[]): Promise<void>;
}

/** Lock keys are hashed: ids and names can be long, index keys cannot. */
function lockKey(kind: LockKind, value: string): string {
  return createHash('sha256').update(`${kind}\u0000${value}`).digest('hex').slice(0, 32);
}

export const entityLock = (id: string) => lockKey('entity', id);
export const documentLock = (id: string) => lockKey('document', id);
/** Names match within a type (ontology, "Identity"): the key is the type and the folded name. */
export const nameLock = (type: EntityType | string, name: string) => lockKey('name', `${type}\u0000${matchKey(name)}`);

export class WriteLocks {
  private readonly held = new Set<string>();

  constructor(
    private readonly tx: WriteTransaction,
    private readonly operation: string,
    private readonly hooks?: WriteHooks,
  ) {}

  /** Takes the locks not held yet, in key order; true when any was new. */
  async lock(keys: Iterable<string>): Promise<boolean> {
    const fresh = [...new Set(keys)].filter((key) => !this.held.has(key)).sort();
    if (fresh.length === 0) return false;
    await this.hooks?.beforeLock?.(this.operation, fresh);
    await this.tx.run(
      `UNWIND $keys AS key
       MERGE (l:${WRITE_LOCK_LABEL} {key: key})
       SET l.held = true`,
      { keys: fresh },
    );
    for (const key of fresh) this.held.add(key);
    return true;
  }

  async release(): Promise<void> {
    if (this.held.size === 0) return;
    await this.tx.run(`UNWIND $keys AS key MATCH (l:${WRITE_LOCK_LABEL} {key: key}) DELETE l`, { keys: [...this.held] });
    this.held.clear();
  }
}

/**
 * One write transaction whose body takes its locks through `locks` before reading what they
 * guard; the locks are released (deleted) as the body returns, so they end with the commit.
 */
export function writeWithLocks<T>(
  store: GraphStore,
  operation: string,
  work: (tx: WriteTransaction, locks: WriteLocks) => Promise<T>,
  options: { hooks?: WriteHooks; counter?: QueryCounter } = {},
): Promise<T> {
  return store.write(async (tx) => {
    const locks = new WriteLocks(tx, operation, options.hooks);
    const result = await work(tx, locks);
    await locks.release();
    return result;
  }, options.counter);
}
