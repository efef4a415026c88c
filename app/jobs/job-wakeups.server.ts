import pg from "pg";
import { sqlExecute, type Db } from "~/db/sql.server";

/**
 * Enqueuers announce new jobs on this PostgreSQL channel, so that workers in any process start
 * them at once instead of at their next poll. PostgreSQL delivers a NOTIFY sent in a transaction
 * only when it commits, so a job is never announced before it exists.
 */
export const JOB_WAKEUP_CHANNEL = "omniroute_job_enqueued";

/** Announces, within the enqueuing transaction, that `queue` has a new job. */
export async function announceJob(tx: Db, queue: string): Promise<void> {
  await sqlExecute(tx, `SELECT pg_notify('${JOB_WAKEUP_CHANNEL}', $1)`, [queue]);
}

export interface JobWakeupListenerOptions {
  databaseUrl: string;
  onWake: (queue: string) => void;
  onError: (error: unknown) => void;
  /** Wait before reconnecting after the connection drops. */
  reconnectDelayMs?: number;
}

/**
 * Listens for job announcements on a dedicated connection, reconnecting when it drops.
 * Announcements lost while disconnected are harmless: consumers still poll.
 */
export class JobWakeupListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: JobWakeupListenerOptions) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: "omniroute-wakeups",
      // A connection that dies silently (no FIN, e.g. a dropped NAT entry) is noticed and replaced.
      keepAlive: true,
    });
    client.on("notification", (message) => {
      if (message.channel === JOB_WAKEUP_CHANNEL && message.payload) this.options.onWake(message.payload);
    });
    client.on("error", (error) => {
      this.options.onError(error);
      if (this.client === client) this.reconnectLater();
    });
    client.on("end", () => {
      if (this.client === client) this.reconnectLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${JOB_WAKEUP_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end();
      return;
    }
    this.client = client;
  }

  private reconnectLater(): void {
    this.client = null;
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch((error: unknown) => {
        this.options.onError(error);
        this.reconnectLater();
      });
    }, this.options.reconnectDelayMs ?? 1_000);
  }
}
