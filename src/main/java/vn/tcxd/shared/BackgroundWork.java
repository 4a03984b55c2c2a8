package vn.tcxd.shared;

/**
 * Long work done outside any request — member imports, report exports, period-end freezes. At most a few run
 * at once (the platform decides how many), so that however many are started they hold only a small share of
 * the database connections and never starve the requests of the pages and the API; the others wait their turn.
 */
public interface BackgroundWork {

    /** Runs {@code work} on its own thread once a slot is free; returns at once. */
    void start(String name, Runnable work);

    /** Runs {@code work} on the calling thread once a slot is free (scheduled jobs). */
    void run(Runnable work);
}
