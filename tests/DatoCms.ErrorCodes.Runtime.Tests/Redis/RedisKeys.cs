using StackExchange.Redis;

namespace DatoCms.ErrorCodes.Runtime.Tests.Redis;

/// <summary>The keys DatoCmsRedisRateLimiter uses for a project with the default prefix, so tests can look inside.</summary>
internal static class RedisKeys
{
    public static RedisKey Log(string project) => "datocms:rate-limit:{" + project + "}:log";

    public static RedisKey Pause(string project) => "datocms:rate-limit:{" + project + "}:pause";

    public static RedisKey Limit(string project) => "datocms:rate-limit:{" + project + "}:limit";

    public static RedisKey[] ForScript(string project) => new[] { Log(project), Pause(project), Limit(project) };
}
