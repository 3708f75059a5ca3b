using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Runtime.Tests.Retry;
using Microsoft.Extensions.DependencyInjection;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>The resilience handler follows asynchronous jobs, each poll through the same pipeline.</summary>
public class JobFollowingTests
{
    [Fact]
    public async Task AcceptedJobIsFollowedToItsResultThroughThePipeline()
    {
        await using var api = await ImitationApi.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient("dato", c => c.BaseAddress = api.BaseAddress).AddDatoCmsResilienceHandler(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxDelay = TimeSpan.FromMilliseconds(2);
            o.Jobs.FirstPollDelay = TimeSpan.FromMilliseconds(5);
            o.Jobs.MaxPollDelay = TimeSpan.FromMilliseconds(10);
        });
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("dato");
        using var request = new HttpRequestMessage(HttpMethod.Put, "items");
        request.Headers.Add("X-Test-Request", "r1");
        request.Headers.Add("X-Test-Fault", "job:2");

        using var response = await client.SendAsync(request);

        var jobId = api.JobsStarted["r1"];
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/job-results/" + jobId, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(3, api.JobPolls[jobId]);
        Assert.Equal(new[] { 202 }, api.Attempts["r1"].Select(a => a.Status));
    }

    [Fact]
    public async Task FollowingCanBeTurnedOff()
    {
        await using var api = await ImitationApi.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient("dato", c => c.BaseAddress = api.BaseAddress).AddDatoCmsResilienceHandler(o => o.FollowJobs = false);
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("dato");
        using var request = new HttpRequestMessage(HttpMethod.Put, "items");
        request.Headers.Add("X-Test-Request", "r1");
        request.Headers.Add("X-Test-Fault", "job:2");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(api.JobPolls.ContainsKey(api.JobsStarted["r1"]));
    }
}
