using System.Collections.Concurrent;

namespace DatoCms.ErrorCodes.RedisScenarios;

/// <summary>Innermost handler of a worker: records the time and status of every attempt that reached the server.</summary>
internal sealed class AttemptLogHandler : DelegatingHandler
{
    public AttemptLogHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public ConcurrentQueue<long[]> Attempts { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Attempts.Enqueue(new[] { DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (long)response.StatusCode });
        return response;
    }
}
