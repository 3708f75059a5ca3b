using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>
/// The faults of the imitation that are not error bodies, scripted per request through the
/// <c>X-Test-Fault</c> header like the others:
/// <list type="bullet">
/// <item><c>reset:N</c>: the first N attempts are read in full, then the connection is aborted
/// without an answer (recorded as status 0: the server got the request).</item>
/// <item><c>hang:N</c>: the first N attempts are read in full and never answered, until the
/// client gives up (recorded as status -1).</item>
/// <item><c>maintenance:N</c>: 503 PLATFORM_SCHEDULED_MAINTENANCE for the first N attempts;
/// <c>maintenance-after:N</c> adds <c>Retry-After: 1</c>.</item>
/// <item><c>job:N</c> / <c>jobfail:N</c>: the request is accepted with 202 and a job; its
/// <c>GET /job-results/{id}</c> answers 404 NOT_FOUND for the first N polls, then the job result
/// (the item for <c>job</c>, a 422 INVALID_FIELD for <c>jobfail</c>).</item>
/// </list>
/// N may be <c>always</c>. Every answer carries an <c>X-Request-Id</c> and a <c>cf-ray</c>, as the
/// real API's do.
/// </summary>
public sealed partial class ImitationApi
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new();
    private long _requestSerial;

    /// <summary>How many times each job's result was asked for, by job id.</summary>
    public ConcurrentDictionary<string, int> JobPolls { get; } = new();

    /// <summary>The X-Request-Id of every answer, in order, so a test can match an exception to the server's log.</summary>
    public ConcurrentQueue<string> RequestIds { get; } = new();

    /// <summary>The job ids started, by the X-Test-Request id of the request that started them.</summary>
    public ConcurrentDictionary<string, string> JobsStarted { get; } = new();

    private void StampRequestIds(HttpContext context)
    {
        var serial = Interlocked.Increment(ref _requestSerial);
        var requestId = "req-" + serial.ToString("x8", CultureInfo.InvariantCulture);
        RequestIds.Enqueue(requestId);
        context.Response.Headers["X-Request-Id"] = requestId;
        context.Response.Headers["cf-ray"] = serial.ToString("x16", CultureInfo.InvariantCulture) + "-AMS";
    }

    private async Task<bool> TryInjectFaultAsync(HttpContext context, string requestId, ConcurrentQueue<(int Status, string Body)> attempts, int attempt, string body)
    {
        if (context.Request.Path.StartsWithSegments("/job-results", out var rest) && _jobs.TryGetValue(rest.Value!.Trim('/'), out var job))
        {
            await AnswerPollAsync(context, job);
            return true;
        }

        var fault = context.Request.Headers["X-Test-Fault"].ToString();
        var parts = fault.Split(':');
        var failing = parts.Length < 2 || parts[1] == "always" || attempt <= int.Parse(parts[1], CultureInfo.InvariantCulture);
        switch (parts[0])
        {
            case "reset" when failing:
                attempts.Enqueue((0, body));
                context.Abort();
                return true;
            case "hang" when failing:
                attempts.Enqueue((-1, body));
                await HangAsync(context);
                return true;
            case "maintenance" or "maintenance-after" when failing:
                if (parts[0] == "maintenance-after")
                {
                    context.Response.Headers.RetryAfter = "1";
                }

                await AnswerAsync(context, attempts, body, 503, ErrorBody("PLATFORM_SCHEDULED_MAINTENANCE", "{}"));
                return true;
            case "job" or "jobfail":
                var jobId = "job-" + requestId + "-" + attempt.ToString(CultureInfo.InvariantCulture);
                var polls = parts.Length < 2 || parts[1] == "always" ? int.MaxValue : int.Parse(parts[1], CultureInfo.InvariantCulture);
                var (status, payload) = parts[0] == "job"
                    ? (200, "{\"data\":{\"type\":\"item\",\"id\":\"" + requestId + "\",\"echo\":" + System.Text.Json.JsonSerializer.Serialize(body) + "}}")
                    : (422, ErrorBody("INVALID_FIELD", "{\"field\":\"title\"}"));
                _jobs[jobId] = new Job(jobId, polls, status, payload);
                JobsStarted[requestId] = jobId;
                await AnswerAsync(context, attempts, body, 202, "{\"data\":{\"type\":\"job\",\"id\":\"" + jobId + "\"}}");
                return true;
            default:
                return false;
        }
    }

    private async Task AnswerPollAsync(HttpContext context, Job job)
    {
        var polls = JobPolls.AddOrUpdate(job.Id, 1, (_, count) => count + 1);
        context.Response.ContentType = "application/json";
        if (polls <= job.PollsUntilDone)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync(ErrorBody("NOT_FOUND", "{}"));
            return;
        }

        context.Response.StatusCode = 200;
        await context.Response.WriteAsync(
            "{\"data\":{\"type\":\"job_result\",\"id\":\"" + job.Id + "\",\"attributes\":{\"status\":"
            + job.Status.ToString(CultureInfo.InvariantCulture) + ",\"payload\":" + job.Payload + "}}}");
    }

    // Never answers: waits until the client gives up (and closes the connection) or the server stops.
    private async Task HangAsync(HttpContext context)
    {
        using var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, released.Token);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }

    private sealed record Job(string Id, int PollsUntilDone, int Status, string Payload);
}
