package org.kglab.jobs;

/** A job was queued (or queued again). Published inside the queuing transaction; runners wake after commit. */
record JobQueued(JobId id) {
}
