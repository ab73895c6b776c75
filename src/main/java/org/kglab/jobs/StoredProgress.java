package org.kglab.jobs;

/**
 * Progress of a running job, stored on the job row whenever the stage changes or its share of the current
 * stage crosses another tenth. Each stage owns a band of the overall percentage, unless the work is one stage
 * only ({@link JobWork#singleStage()}): then that stage's share is the job's percentage.
 */
final class StoredProgress implements Progress {

    private final JobId id;
    private final Reporter reporter;
    private final boolean singleStage;
    private Stage stage = Stage.STORED;
    private int storedTenths = -1;

    /** Stores (stage, percent); answers false when the job is no longer running, i.e. was cancelled. */
    interface Reporter {
        boolean report(Stage stage, int percent);
    }

    StoredProgress(JobId id, Reporter reporter) {
        this(id, reporter, false);
    }

    StoredProgress(JobId id, Reporter reporter, boolean singleStage) {
        this.id = id;
        this.reporter = reporter;
        this.singleStage = singleStage;
    }

    @Override
    public void stage(Stage next) {
        stage = next;
        storedTenths = 0;
        store(singleStage ? 0 : percentOf(next, 0, 1));
    }

    @Override
    public void advance(long done, long total) {
        if (total <= 0) {
            return;
        }
        long bounded = Math.clamp(done, 0, total);
        int tenths = (int) (bounded * 10 / total);
        if (tenths > storedTenths) {
            storedTenths = tenths;
            store(singleStage ? (int) (bounded * 100 / total) : percentOf(stage, bounded, total));
        }
    }

    private void store(int percent) {
        if (!reporter.report(stage, percent)) {
            throw new JobCancelled(id);
        }
    }

    /** The overall percentage: where the stage's band starts, plus its finished share of the band. */
    static int percentOf(Stage stage, long done, long total) {
        int from = start(stage);
        int to = stage == Stage.DONE ? 100 : start(Stage.values()[stage.ordinal() + 1]);
        return from + (int) ((to - from) * done / total);
    }

    private static int start(Stage stage) {
        return switch (stage) {
            case STORED -> 0;
            case EXTRACTING -> 5;
            case CHUNKING -> 50;
            case EMBEDDING -> 70;
            case PROJECTING -> 90;
            case DONE -> 100;
        };
    }
}
