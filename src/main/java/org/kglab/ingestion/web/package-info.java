/**
 * Fetching from the web for ingestion: a guarded HTTP client (SSRF rules on every hop, time and size
 * bounds, content-type checks) and main-content extraction of web pages. Its one door for the rest of
 * ingestion is {@link org.kglab.ingestion.web.WebSources}: a URL in, a fetched source ready to ingest out.
 */
@NullMarked
package org.kglab.ingestion.web;

import org.jspecify.annotations.NullMarked;
