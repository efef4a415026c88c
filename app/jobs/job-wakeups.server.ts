import pg from "pg";

/**
 * Every job pg-boss writes that is due now is announced on this PostgreSQL channel, so that
 * workers in any process start it at once instead of at their next poll. PostgreSQL delivers a
 * NOTIFY sent in a transaction only when it commits, so a job is never announced before it exists.
 */
export const JOB_WAKEUP_CHANNEL = "omniroute_job_enqueued";

const ANNOUNCE_TRIGGER = "omniroute_announce_job";

/**
 * The statement that makes PostgreSQL announce jobs itself (decision 044): a row trigger on
 * pg-boss's job table (its queues' partitions inherit it) notifies the job's queue for each job
 * written ready to run, whoever writes it (an enqueue, cron, a retry due at once). An enqueue
 * costs no round trip of its own for it, where a `pg_notify` per job was three statements of
 * every routed order. Jobs held back (`startAfter`) are not announced: the consumer's idle poll
 * finds them when they come due, as it finds retries.
 *
 * Safe to run from every process as it starts: serialised on an advisory lock, and the trigger is
 * made only when missing (making it locks the job table against writes for that moment).
 */
export function jobAnnouncementsSql(schema: string): string {
  return `
    DO $announce$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('${ANNOUNCE_TRIGGER}'));
      CREATE OR REPLACE FUNCTION ${schema}.${ANNOUNCE_TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $body$
      BEGIN
        PERFORM pg_notify('${JOB_WAKEUP_CHANNEL}', NEW.name);
        RETURN NULL;
      END
      $body$;
      IF NOT EXISTS (
        SELECT 1 FROM pg_trigger WHERE tgname = '${ANNOUNCE_TRIGGER}' AND tgrelid = '${schema}.job'::regclass
      ) THEN
        CREATE TRIGGER ${ANNOUNCE_TRIGGER} AFTER INSERT ON ${schema}.job
          FOR EACH ROW WHEN (NEW.state < 'active' AND NEW.start_after <= now())
          EXECUTE FUNCTION ${schema}.${ANNOUNCE_TRIGGER}();
      END IF;
    END
    $announce$`;
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
