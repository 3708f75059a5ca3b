using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using static DatoCms.ErrorCodes.Runtime.Tests.Retry.FaultClient;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>Asynchronous jobs: a 202 with a job is followed to <c>/job-results/{id}</c>, where 404 means "not yet".</summary>
public class JobFollowerTests
{
    [Fact]
    public async Task HandlerFollowsAJobUntilItsResultAndReturnsTheJobResult()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, Options());

        using var response = await client.SendAsync(Request(HttpMethod.Put, "r1", "job:3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jobId = api.JobsStarted["r1"];
        Assert.Equal("/job-results/" + jobId, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(4, api.JobPolls[jobId]);
        Assert.Equal(new[] { 202 }, api.Attempts["r1"].Select(a => a.Status));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"type\":\"job_result\"", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":200", body, StringComparison.Ordinal);
        Assert.Same(response, await response.EnsureDatoCmsSuccessAsync());

        // The polls carry the headers of the request that started the job, the API token included.
        Assert.Equal("Bearer " + FakeToken, response.RequestMessage.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task AFailedJobBecomesTheTypedExceptionOfItsInnerError()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, Options());

        using var response = await client.SendAsync(Request(HttpMethod.Post, "r1", "jobfail:1"));
        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => response.EnsureDatoCmsSuccessAsync());

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("GET", error.Request!.Method);
        Assert.EndsWith("/job-results/" + api.JobsStarted["r1"], error.Request.Url, StringComparison.Ordinal);
        Assert.Single(api.Attempts["r1"]);

        // The request that started the job, which support needs beside the poll, is named too.
        var startedBy = error.Request.JobStartedBy;
        Assert.NotNull(startedBy);
        Assert.Equal("POST", startedBy!.Method);
        Assert.EndsWith("/items", startedBy.Url, StringComparison.Ordinal);
        Assert.NotNull(startedBy.RequestId);
        Assert.NotEqual(error.RequestId, startedBy.RequestId);
        Assert.Contains(", job started by POST " + startedBy.Url, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithFollowingOffThe202ComesBackAndCanBeFollowedOnItsOwn()
    {
        await using var api = await ImitationApi.StartAsync();
        var options = Options();
        options.FollowJobs = false;
        using var client = Client(api, options);

        var accepted = await client.SendAsync(Request(HttpMethod.Put, "r1", "job:2"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(api.JobsStarted["r1"], await DatoCmsJobFollower.ReadJobIdAsync(accepted));

        // A plain client (no retry handler) follows it with the extension method.
        using var plain = new HttpClient { BaseAddress = api.BaseAddress };
        plain.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeToken);
        using var result = await plain.FollowDatoCmsJobAsync(accepted, options.Jobs);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(3, api.JobPolls[api.JobsStarted["r1"]]);
        await result.EnsureDatoCmsSuccessAsync();
    }

    [Fact]
    public async Task AJobStartedByARequestSentInChunksIsPolledWithAPlainGet()
    {
        // PostAsJsonAsync's content has no length, so SocketsHttpHandler sends it chunked and marks
        // the request "Transfer-Encoding: chunked"; a poll that copied that header could not be sent.
        await using var api = await ImitationApi.StartAsync();
        using var plain = new HttpClient(FreshConnections()) { BaseAddress = api.BaseAddress };
        plain.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeToken);
        using var start = new HttpRequestMessage(HttpMethod.Post, "items") { Content = System.Net.Http.Json.JsonContent.Create(new { title = "r1" }) };
        start.Headers.Add("X-Test-Request", "r1");
        start.Headers.Add("X-Test-Fault", "job:2");

        using var accepted = await plain.SendAsync(start);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(start.Headers.TransferEncodingChunked);
        using var result = await plain.FollowDatoCmsJobAsync(accepted, Options().Jobs);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(3, api.JobPolls[api.JobsStarted["r1"]]);
        Assert.Null(result.RequestMessage!.Headers.TransferEncodingChunked);
        Assert.Equal("Bearer " + FakeToken, result.RequestMessage.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task TheHandlerFollowsAJobStartedByARequestMarkedChunked()
    {
        await using var api = await ImitationApi.StartAsync();
        var retries = new List<DatoCmsRetryAttempt>();
        using var client = Client(api, Options(retries));
        using var start = Request(HttpMethod.Post, "r1", "job:2");
        start.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(start);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, api.JobPolls[api.JobsStarted["r1"]]);
        Assert.Empty(retries);
    }

    [Fact]
    public async Task AJobIdHandledByTheCallerCanBeAwaitedThroughTheClientsBaseAddress()
    {
        await using var api = await ImitationApi.StartAsync();
        var options = Options();
        options.FollowJobs = false;
        using var client = Client(api, options);
        using var accepted = await client.SendAsync(Request(HttpMethod.Put, "r1", "jobfail:2"));
        var jobId = await DatoCmsJobFollower.ReadJobIdAsync(accepted);

        using var result = await client.WaitForDatoCmsJobResultAsync(jobId!, options.Jobs);

        await Assert.ThrowsAsync<InvalidFieldException>(() => result.EnsureDatoCmsSuccessAsync());
        Assert.Equal(3, api.JobPolls[jobId!]);
    }

    [Fact]
    public async Task AnAnswerThatIsNotAJobIsReturnedUntouched()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, Options());

        using var response = await client.SendAsync(Request(HttpMethod.Put, "r1"));
        using var followed = await client.FollowDatoCmsJobAsync(response);

        Assert.Same(response, followed);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Empty(api.JobPolls);
    }

    [Fact]
    public async Task AJobThatNeverFinishesEndsWithTheJobTimeout()
    {
        await using var api = await ImitationApi.StartAsync();
        var options = Options();
        // Long enough for a poll or two to reach the server on a busy test host, short enough to end the test soon.
        options.Jobs.Timeout = TimeSpan.FromSeconds(1.5);
        using var client = Client(api, options);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(Request(HttpMethod.Put, "r1", "job:always")));

        var jobId = api.JobsStarted["r1"];
        Assert.Matches(
            "^The DatoCMS asynchronous job " + jobId + @" started by PUT http://127\.0\.0\.1:\d+/items did not finish within the job timeout \(Jobs\.Timeout = 1\.5 s\); \d+ polls of http://127\.0\.0\.1:\d+/job-results/" + jobId + " found no result\\.$",
            error.Message);
        Assert.True(api.JobPolls[jobId] >= 1, "polls: " + api.JobPolls[jobId]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), "bounded by a 1.5 s job timeout, it took " + watch.Elapsed);
    }

    [Fact]
    public async Task CancellingWhileWaitingForAJobIsACancellationNotATimeout()
    {
        await using var api = await ImitationApi.StartAsync();
        var options = Options();
        options.Jobs.Timeout = TimeSpan.FromMinutes(5);
        using var client = Client(api, options);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Record.ExceptionAsync(() => client.SendAsync(Request(HttpMethod.Put, "r1", "job:always"), cancellation.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.InRange(api.AttemptsOf("r1"), 0, 1); // 0 when the machine is so slow the token fires first
    }

    [Fact]
    public void PollWaitsGrowDoubleAreCappedAndJittered()
    {
        var options = new DatoCmsJobOptions { FirstPollDelay = TimeSpan.FromMilliseconds(100), MaxPollDelay = TimeSpan.FromMilliseconds(700) };
        var nominal = new[] { 100, 200, 400, 700, 700, 700 };

        for (var sample = 0; sample < 50; sample++)
        {
            for (var poll = 1; poll <= nominal.Length; poll++)
            {
                Assert.InRange(options.PollDelay(poll).TotalMilliseconds, nominal[poll - 1] / 2.0, nominal[poll - 1]);
            }
        }

        options.UseJitter = false;
        Assert.Equal(nominal, Enumerable.Range(1, nominal.Length).Select(p => (int)options.PollDelay(p).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(700), options.PollDelay(int.MaxValue));
    }

    [Theory]
    [InlineData("{\"data\":{\"type\":\"job\",\"id\":\"4235\"}}", "4235")]
    [InlineData("{\"data\":{\"id\":\"j-1\",\"type\":\"job\"}}", "j-1")]
    [InlineData("{\"meta\":{\"x\":[1,2]},\"data\":{\"type\":\"job\",\"id\":77}}", "77")]
    [InlineData("{\"data\":{\"type\":\"item\",\"id\":\"1\"}}", null)]
    [InlineData("{\"data\":{\"type\":\"job\"}}", null)]
    [InlineData("{\"data\":[{\"type\":\"job\",\"id\":\"1\"}]}", null)]
    [InlineData("<html>202</html>", null)]
    [InlineData("", null)]
    [InlineData("{\"data\":{\"type\":\"job\",\"id\":\"1\"", null)]
    public void OnlyAJobBodyGivesAJobId(string body, string? expected) =>
        Assert.Equal(expected, DatoCmsJobFollower.ReadJobId(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void JobOptionsRejectNonsense()
    {
        var options = new DatoCmsJobOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Timeout = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.FirstPollDelay = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxPollDelay = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentNullException>(() => new DatoCmsRetryOptions().Jobs = null!);
        options.Timeout = Timeout.InfiniteTimeSpan;
        Assert.Equal(TimeSpan.FromSeconds(1), options.FirstPollDelay);
        Assert.True(new DatoCmsRetryOptions().FollowJobs);
    }

    [Fact]
    public async Task ConcurrentJobsAreEachStartedOnceAndFollowedToTheirOwnResult()
    {
        await using var api = await ImitationApi.StartAsync();
        using var client = Client(api, Options());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            var id = "r" + i;
            using var response = await client.SendAsync(Request(i % 2 == 0 ? HttpMethod.Post : HttpMethod.Put, id, (i % 3 == 0 ? "jobfail:" : "job:") + (i % 4)));
            return (Id: id, Failed: i % 3 == 0, Polls: i % 4, Error: await response.ReadDatoCmsErrorAsync(), Body: await response.Content.ReadAsStringAsync());
        }));

        foreach (var (id, failed, polls, error, body) in outcomes)
        {
            Assert.Single(api.Attempts[id]);
            Assert.Equal(polls + 1, api.JobPolls[api.JobsStarted[id]]);
            Assert.Contains("\"id\":\"" + api.JobsStarted[id] + "\"", body, StringComparison.Ordinal);
            if (failed)
            {
                Assert.IsType<InvalidFieldException>(error);
            }
            else
            {
                Assert.Null(error);
            }
        }
    }
}
