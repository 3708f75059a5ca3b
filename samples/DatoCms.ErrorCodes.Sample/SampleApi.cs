using System.Net;
using System.Text;

/// <summary>
/// A tiny in-process stand-in for the Content Management API, so the sample shows the retry
/// handler at work without a network or an API token. Each path answers a scripted sequence:
/// the last answer repeats once the script runs out.
/// </summary>
internal sealed class SampleApi : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _scripts = new();

    public int Requests { get; private set; }

    public SampleApi Script(string path, params Func<HttpResponseMessage>[] answers)
    {
        _scripts[path] = new Queue<Func<HttpResponseMessage>>(answers);
        return this;
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string details = "{}", double? resetSeconds = null)
    {
        var body = $"{{\"data\":[{{\"id\":\"{Guid.NewGuid():N}\",\"type\":\"api_error\",\"attributes\":{{\"code\":\"{code}\",\"details\":{details}}}}}]}}";
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (resetSeconds is double reset)
        {
            response.Headers.Add("X-RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response;
    }

    public static HttpResponseMessage Ok(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var script = _scripts[request.RequestUri!.AbsolutePath];
        var answer = script.Count > 1 ? script.Dequeue() : script.Peek();
        var response = answer();
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
