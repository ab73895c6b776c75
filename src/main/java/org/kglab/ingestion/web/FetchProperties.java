package org.kglab.ingestion.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How URLs and feeds are fetched. The size limit is the upload limit ({@code kglab.upload.max-bytes}).
 *
 * @param allow          hosts and CIDR ranges that may be fetched although the address rules refuse
 *                       them ({@code KGLAB_FETCH_ALLOW}, comma-separated), e.g. an intranet wiki
 * @param connectTimeout longest wait for a connection
 * @param readTimeout    longest silence while waiting for the answer or reading it
 * @param totalTimeout   longest time for one fetch, redirects included
 * @param maxRedirects   redirects followed before giving up
 * @param publicUrl      where this service can be found; named in the User-Agent so that site owners
 *                       can see who fetches their pages
 */
@ConfigurationProperties("kglab.fetch")
public record FetchProperties(
        @Nullable List<String> allow,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration readTimeout,
        @Bindable(defaultValue = "30s") Duration totalTimeout,
        @Bindable(defaultValue = "5") int maxRedirects,
        @Bindable(defaultValue = "http://localhost:8080") URI publicUrl) {

    List<String> allowed() {
        return allow == null ? List.of() : allow;
    }
}
