/**
 * Durable background jobs: what users see of each ingestion (state, attempts, stage, progress) and the
 * scheduler that runs them. The work itself is a {@link org.kglab.jobs.JobWork} that a feature supplies; this
 * package knows nothing of documents or extraction.
 */
@NullMarked
package org.kglab.jobs;

import org.jspecify.annotations.NullMarked;
