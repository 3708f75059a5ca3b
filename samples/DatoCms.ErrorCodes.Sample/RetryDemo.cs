using System.Net;
using DatoCms.ErrorCodes;

/// <summary>Typed exceptions from real error bodies, and the retry handler against <see cref="SampleApi"/>.</summary>
internal static class RetryDemo
{
    private const string TwoErrors =
        "{\"data\":[" +
        "{\"id\":\"9f2a\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{\"field\":\"title\",\"code\":\"VALIDATION_REQUIRED\"}}}," +
        "{\"id\":\"9f2b\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{\"field\":\"slug\",\"code\":\"VALIDATION_UNIQUENESS\"}}}]}";

    public static void ShowTypedExceptions()
    {
        try
        {
            throw DatoCmsApiException.FromResponse(422, TwoErrors);
        }
        catch (InvalidFieldException ex)
        {
            Console.WriteLine($"  caught {ex.GetType().Name}: {ex.Message}");
            var slug = ex.FindError(DatoCmsErrorCode.InvalidField, details => details.GetProperty("field").GetString() == "slug");
            Console.WriteLine($"  FindError(InvalidField, field == slug) -> {slug}");
        }

        foreach (var (status, body) in new[] { (503, "<html><body>503 Service Temporarily Unavailable</body></html>"), (429, ""), (422, "{\"data\":[{\"id\":\"1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"BRAND_NEW_CODE\",\"transient\":true}}]}") })
        {
            var ex = DatoCmsApiException.FromResponse(status, body);
            Console.WriteLine($"  HTTP {status} {(body.Length == 0 ? "(no body)" : body.Length > 30 ? body[..30] + "…" : body)} -> {ex.GetType().Name}, transient: {ex.IsTransient}, retry: {ex.RetryKind}");
        }
    }

    public static async Task ShowRetryHandlerAsync()
    {
        var api = new SampleApi()
            .Script("/items/42", () => SampleApi.Error((HttpStatusCode)422, "ITEM_LOCKED"), () => SampleApi.Error((HttpStatusCode)422, "ITEM_LOCKED"), () => SampleApi.Ok("{\"data\":{\"id\":\"42\"}}"))
            .Script("/items", () => SampleApi.Error((HttpStatusCode)429, "RATE_LIMIT_EXCEEDED", resetSeconds: 0.25), () => SampleApi.Ok("{\"data\":[]}"))
            .Script("/items/7", () => SampleApi.Error((HttpStatusCode)422, "STALE_ITEM_VERSION", "{\"current_version\":\"v9\"}"));

        var options = new DatoCmsRetryOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(100),
            // A throttled 429 reports no delay: its retry waits in the throttle until the window has room.
            OnRetry = retry => Console.WriteLine(retry.Exception is RateLimitExceededException && retry.Delay == TimeSpan.Zero
                ? $"    retry after attempt {retry.Attempt}: {retry.Exception.ApiCode}, waiting in the throttle for the window's reset"
                : $"    retry after attempt {retry.Attempt}: {retry.Exception.ApiCode}, waiting {retry.Delay.TotalMilliseconds:0} ms"),
        };
        using var client = new HttpClient(new DatoCmsRetryHandler(options, api)) { BaseAddress = new Uri("https://site-api.example/") };

        Console.WriteLine("  GET /items/42 (locked twice, then free):");
        using (var response = await client.GetAsync("items/42"))
        {
            await response.EnsureDatoCmsSuccessAsync();
            Console.WriteLine($"    -> {(int)response.StatusCode} after {api.Requests} requests");
        }

        Console.WriteLine("  GET /items (rate limited once, server asks for 0.25 s):");
        using (var response = await client.GetAsync("items"))
        {
            Console.WriteLine($"    -> {(int)response.StatusCode}");
        }

        Console.WriteLine("  PUT /items/7 (stale version: never retried, the caller must re-read):");
        using (var response = await client.PutAsync("items/7", new StringContent("{}")))
        {
            try
            {
                await response.EnsureDatoCmsSuccessAsync();
            }
            catch (StaleItemVersionException ex)
            {
                Console.WriteLine($"    -> {ex.GetType().Name} (retry kind {ex.RetryKind}), {api.Requests} requests in all");
            }
        }
    }
}
