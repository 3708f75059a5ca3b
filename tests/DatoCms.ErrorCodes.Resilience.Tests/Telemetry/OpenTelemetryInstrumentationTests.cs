using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Resilience.Tests.Imitation;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DatoCms.ErrorCodes.Resilience.Tests.Telemetry;

/// <summary>
/// AddDatoCmsInstrumentation, through the real OpenTelemetry SDK and its in-memory exporter: the
/// retry handler's metrics and trace events reach an exporter with no meter or source name written
/// by hand, and the API token reaches none of them. In the telemetry collection: listeners are process-wide.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public class OpenTelemetryInstrumentationTests
{
    private const string Secret = "s3cr3t-api-token";

    [Fact]
    public async Task MetricsAndTraceEventsOfARetryReachTheExporters()
    {
        await using var api = await ScriptedApi.StartAsync();
        var metrics = new List<MetricSnapshot>();
        List<MetricSnapshot> exported;
        var spans = new List<Activity>();
        using var source = new ActivitySource("DatoCms.ErrorCodes.Resilience.Tests.OpenTelemetry");
        using (var meterProvider = Sdk.CreateMeterProviderBuilder().AddDatoCmsInstrumentation().AddInMemoryExporter(metrics).Build())
        using (var tracerProvider = Sdk.CreateTracerProviderBuilder().AddSource(source.Name).AddDatoCmsInstrumentation().AddInMemoryExporter(spans).Build())
        {
            var options = RetryStacks.FastRetryOptions(maxAttempts: 3);
            using var client = new HttpClient(new DatoCmsRetryHandler(options, new SocketsHttpHandler())) { BaseAddress = api.BaseAddress };

            // A retry inside the caller's span, and one with no span around it (a datocms.retry activity of ours).
            using (source.StartActivity("caller"))
            {
                using var locked = await client.SendAsync(Authorized(Scripted.Request(HttpMethod.Post, "locked", 422, "ITEM_LOCKED", fail: 1)));
                Assert.True(locked.IsSuccessStatusCode);
            }

            using var alone = await client.SendAsync(Authorized(Scripted.Request(HttpMethod.Get, "alone", 422, "ITEM_LOCKED", fail: 1)));
            Assert.True(alone.IsSuccessStatusCode);

            Assert.True(meterProvider!.ForceFlush());
            Assert.True(tracerProvider!.ForceFlush());

            // Disposing the provider exports once more: what one collection saw is read here.
            exported = metrics.ToList();
        }

        var retries = Assert.Single(exported, m => m.Name == "datocms.client.retries");
        Assert.Equal(DatoCmsTelemetry.MeterName, retries.MeterName);
        long counted = 0;
        foreach (var point in retries.MetricPoints)
        {
            counted += point.GetSumLong();
        }

        Assert.Equal(2, counted);
        Assert.Contains(exported, m => m.Name == "datocms.client.wait.duration");

        var caller = Assert.Single(spans, s => s.DisplayName == "caller");
        var retryEvent = Assert.Single(caller.Events, e => e.Name == "datocms.retry");
        Assert.Contains(retryEvent.Tags, t => t.Key == "error.type" && (string?)t.Value == "ITEM_LOCKED");
        Assert.Single(spans, s => s.Source.Name == DatoCmsTelemetry.ActivitySourceName && s.DisplayName == "datocms.retry");

        Assert.DoesNotContain(spans, s => s.Tags.Any(t => t.Value?.Contains(Secret, System.StringComparison.Ordinal) == true) || s.Events.Any(e => e.Tags.Any(t => t.Value?.ToString()?.Contains(Secret, System.StringComparison.Ordinal) == true)));
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Secret);
        return request;
    }
}
