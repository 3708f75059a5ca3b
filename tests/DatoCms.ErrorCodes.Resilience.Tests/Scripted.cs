using System.Net.Http;

namespace DatoCms.ErrorCodes.Resilience.Tests;

/// <summary>Requests scripted for <see cref="Imitation.ScriptedApi"/>.</summary>
internal static class Scripted
{
    public static HttpRequestMessage Request(HttpMethod method, string id, int status, string? code = null, bool transient = false, string? reset = null, int? fail = null, int? delayMs = null)
    {
        var request = new HttpRequestMessage(method, "items") { Content = method == HttpMethod.Get || method == HttpMethod.Delete ? null : new StringContent("{\"data\":{}}") };
        request.Headers.Add("X-Test-Request", id);
        request.Headers.Add("X-Test-Status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code is not null)
        {
            request.Headers.Add("X-Test-Code", code);
        }

        if (transient)
        {
            request.Headers.Add("X-Test-Transient", "true");
        }

        if (reset is not null)
        {
            request.Headers.Add("X-Test-Reset", reset);
        }

        if (fail is int failures)
        {
            request.Headers.Add("X-Test-Fail", failures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (delayMs is int delay)
        {
            request.Headers.Add("X-Test-Delay-Ms", delay.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return request;
    }
}
