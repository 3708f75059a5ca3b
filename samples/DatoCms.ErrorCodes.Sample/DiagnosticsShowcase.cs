// Compiled only with `dotnet build samples/DatoCms.ErrorCodes.Sample -p:ShowDiagnostics=true`:
// each method below is a mistake one of the analyzers catches, so the build output shows every
// usage rule (DATO001 to DATO006) with its help link. The fixed form
// of each is in docs/diagnostics/DATO00N.md, and the IDE offers it as a code fix.
using DatoCms.ErrorCodes;
using Polly;

internal static class DiagnosticsShowcase
{
    // DATO001: handles two codes explicitly, lets every transient one fall into a default that swallows it.
    public static string Describe(DatoCmsApiException ex)
    {
        switch (ex.Code)
        {
            case DatoCmsErrorCode.InvalidField:
                return "fix the field";
            case DatoCmsErrorCode.NotFound:
                return "gone";
            default:
                return "failed";
        }
    }

    // DATO002: a catch of the API exception that logs and carries on, also for ITEM_LOCKED or a 429.
    public static async Task SaveAsync(HttpClient client, CancellationToken ct)
    {
        try
        {
            using var response = await client.PostAsync("items", new StringContent("{}"), ct);
            await response.EnsureDatoCmsSuccessAsync(ct);
        }
        catch (DatoCmsApiException ex)
        {
            Console.WriteLine(ex.Message);
        }
    }

    // DATO003: a Polly retry that also retries validation and permission errors.
    public static ResiliencePipeline RetryEverything() => new ResiliencePipelineBuilder()
        .AddRetry(new Polly.Retry.RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<DatoCmsApiException>() })
        .Build();

    // DATO004: retries a transient error at once, which under the rate limit becomes a burst of 429s.
    public static async Task<HttpResponseMessage> GetWithRetryAsync(HttpClient client, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var response = await client.GetAsync("items", ct);
                await response.EnsureDatoCmsSuccessAsync(ct);
                return response;
            }
            catch (DatoCmsTransientApiException ex)
            {
                Console.WriteLine("retrying " + ex.ApiCode);
            }
        }
    }

    // DATO005: compares the raw string where the enum exists. It is a suggestion (Info): the IDE shows
    // it; `dotnet build` lists it only at detailed verbosity.
    public static bool IsLocked(DatoCmsApiException ex) => ex.ApiCode == "ITEM_LOCKED";

    // DATO006: a code that is not in the spec (a typo of ITEM_LOCKED).
    public static bool IsLockedTypo(DatoCmsApiException ex) => ex.ApiCode == "ITEM_LOKED";
}
