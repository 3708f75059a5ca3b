using System;

namespace DatoCms.ErrorCodes.Runtime.Tests.Retry;

/// <summary>How the imitation of the API limits and delays requests.</summary>
public sealed record ImitationOptions
{
    /// <summary>Requests accepted per window, for the whole project (all clients together).</summary>
    public int RequestsPerWindow { get; init; } = 1000;

    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(3);

    public ImitationWindowMode Mode { get; init; } = ImitationWindowMode.Fixed;

    /// <summary>
    /// Whether a 429's X-RateLimit-Reset is whole seconds, rounded up, as the real API sends it;
    /// off, it has milliseconds, which unit tests with short windows need.
    /// </summary>
    public bool WholeSecondReset { get; init; }

    /// <summary>
    /// How long the first request of a new connection takes to reach the counter (TCP and TLS
    /// set-up over a real network): the request has left the client but is not counted yet.
    /// </summary>
    public TimeSpan ConnectionSetupDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How long every request takes to reach the counter (one way).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>How long the server works on an accepted request before it answers, plus the way back.</summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Up to how much longer than <see cref="Latency"/> a request may take to reach the counter, at
    /// random per request (a real network's jitter): requests sent together are counted apart and
    /// in any order.
    /// </summary>
    public TimeSpan LatencySpread { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Up to how much longer than <see cref="ResponseDelay"/> the answer may take after the request
    /// was counted, at random per request: the real API's work varies from request to request (a
    /// write takes longer than a read), and the client cannot tell the time spent before the counter
    /// from the time spent after it.
    /// </summary>
    public TimeSpan ResponseDelaySpread { get; init; } = TimeSpan.Zero;

    /// <summary>The real Content Management API's limit as the scenarios model it: 60 per 3 s, whole-second resets, a network in between.</summary>
    public static ImitationOptions RealWindow(ImitationWindowMode mode) => new()
    {
        RequestsPerWindow = 60,
        Window = TimeSpan.FromSeconds(3),
        Mode = mode,
        WholeSecondReset = true,
        ConnectionSetupDelay = TimeSpan.FromMilliseconds(250),
        Latency = TimeSpan.FromMilliseconds(15),
        ResponseDelay = TimeSpan.FromMilliseconds(30),
    };
}
