package org.kglab.api.rest;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kglab.Application;
import org.kglab.identity.access.Callers;
import org.kglab.jobs.JobId;
import org.kglab.jobs.JobService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** Ingestion jobs: their state, and a stream of their progress. Only a job's owner (or an admin) sees it. */
@Controller("/api/v1/jobs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = Application.BEARER)
@SecurityRequirement(name = Application.API_KEY)
@Tag(name = "Jobs", description = "Follow ingestion")
final class JobController {

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "An ingestion job", description = "Its state, stage, percentage, attempts and error.")
    @ApiResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = JobResponse.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token or API key",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such job, or not yours",
            content = @Content(mediaType = "application/problem+json"))
    JobResponse job(@PathVariable String id, Authentication authentication) {
        return JobResponse.of(jobs.get(Callers.fromAuthentication(authentication), JobId.parse(id)));
    }

    @Get(uri = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Progress of an ingestion job, as server-sent events",
            description = "An event named `job` with the job now, then one at every change of state, stage or "
                    + "percentage; the stream ends when the job ends (SUCCEEDED, DEAD or CANCELLED).")
    @ApiResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM,
                    schema = @Schema(implementation = JobResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such job, or not yours",
            content = @Content(mediaType = "application/problem+json"))
    Publisher<Event<JobResponse>> events(@PathVariable String id, Authentication authentication) {
        return Flux.from(jobs.watch(Callers.fromAuthentication(authentication), JobId.parse(id)))
                .map(job -> Event.of(JobResponse.of(job)).name("job"));
    }
}
