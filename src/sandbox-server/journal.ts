import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';

/** One change, as a line of the `--data` file: the whole new state of one record (last one wins). */
export type JournalRecord =
  | { t: 'payment'; v: unknown; notice?: string[] }
  | { t: 'key'; v: unknown }
  | { t: 'key-deleted'; v: string }
  | { t: 'schedule'; v: unknown; i: number }
  | { t: 'prepare'; v: unknown };

const HEADER = '{"iamport_sandbox_journal":2}';

/**
 * The `--data` file as an append-only journal: every change appends one line with `writeSync`
 * before the reply goes out, so a crash (even `kill -9`) loses no acknowledged change, and an
 * insert costs one line however many payments there are. The file is compacted (one line per
 * live record, write-then-rename) when the server starts. The version 1 format (one JSON
 * snapshot) is read and rewritten as a journal.
 */
export class Journal {
  private fd: number | null = null;

  constructor(readonly file: string) {}

  /** Every record in the file, oldest first. A torn last line (a crash mid-write, never acknowledged) is dropped. */
  read(): JournalRecord[] {
    if (!existsSync(this.file)) return [];
    const text = readFileSync(this.file, 'utf8');
    if (text.trim() === '') return [];
    if (!text.startsWith(HEADER)) return this.readSnapshot(text);
    const lines = text.split('\n').slice(1);
    const records: JournalRecord[] = [];
    lines.forEach((line, index) => {
      if (line === '') return;
      try {
        records.push(JSON.parse(line) as JournalRecord);
      } catch (error) {
        const last = lines.slice(index + 1).every((rest) => rest === '');
        if (!last)
          throw new Error(`iamport-sandbox: --data ${this.file} is corrupt at line ${index + 2} (${(error as Error).message}). Fix or delete the file.`);
      }
    });
    return records;
  }

  private readSnapshot(text: string): JournalRecord[] {
    let snapshot: { payments?: unknown[]; billingKeys?: unknown[]; schedules?: unknown[] };
    try {
      snapshot = JSON.parse(text) as typeof snapshot;
    } catch (error) {
      throw new Error(`iamport-sandbox: cannot read --data ${this.file}: ${(error as Error).message}. Fix or delete the file.`);
    }
    return [
      ...(snapshot.payments ?? []).map((v): JournalRecord => ({ t: 'payment', v })),
      ...(snapshot.billingKeys ?? []).map((v): JournalRecord => ({ t: 'key', v })),
      ...(snapshot.schedules ?? []).map((v, i): JournalRecord => ({ t: 'schedule', v, i })),
    ];
  }

  /** Replace the file with `records` (write-then-rename: a crash leaves the old or the new file) and open it for appends. */
  rewrite(records: Iterable<JournalRecord>): void {
    const lines = [HEADER];
    for (const record of records) lines.push(JSON.stringify(record));
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${lines.join('\n')}\n`);
    renameSync(temporary, this.file);
    this.fd = openSync(this.file, 'a');
  }

  append(record: JournalRecord): void {
    if (this.fd === null) this.fd = openSync(this.file, 'a');
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
