using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using DatoCms.ErrorCodes;

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// Turning an error response into a typed exception: the generated FromResponse (text and UTF-8)
/// against what a user would write without us, JsonSerializer into DTOs plus a dictionary lookup
/// of the first code (which yields no exception at all yet, so it is a lower bound).
/// </summary>
[MemoryDiagnoser]
public class FromResponseBenchmarks
{
    private static readonly Dictionary<string, string> Bodies = new()
    {
        ["OneError"] = "{\"data\":[{\"id\":\"4b1c0e\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"doc_url\":\"https://www.datocms.com/docs/content-management-api/errors#ITEM_LOCKED\",\"details\":{}}}]}",
        ["ThreeNested"] = "{\"data\":[" +
            "{\"id\":\"a1\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{\"field\":\"title\",\"code\":\"VALIDATION_REQUIRED\",\"locale\":\"en\",\"path\":[\"blocks\",2,{\"item\":\"x\"}]}}}," +
            "{\"id\":\"a2\",\"type\":\"api_error\",\"attributes\":{\"code\":\"INVALID_FIELD\",\"details\":{\"field\":\"slug\",\"code\":\"VALIDATION_UNIQUENESS\",\"meta\":{\"existing\":{\"id\":\"123\",\"type\":\"item\"}}}}}," +
            "{\"id\":\"a3\",\"type\":\"api_error\",\"attributes\":{\"code\":\"ITEM_LOCKED\",\"details\":{},\"transient\":true}}]}",
        ["Html503"] = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    };

    private string _body = string.Empty;
    private byte[] _utf8 = Array.Empty<byte>();
    private int _status;

    [Params("OneError", "ThreeNested", "Html503")]
    public string Body { get; set; } = "OneError";

    [GlobalSetup]
    public void Setup()
    {
        _body = Bodies[Body];
        _utf8 = Encoding.UTF8.GetBytes(_body);
        _status = Body == "Html503" ? 503 : 422;
    }

    [Benchmark(Baseline = true)]
    public DatoCmsErrorCode JsonSerializerDtosAndDictionary()
    {
        try
        {
            var document = JsonSerializer.Deserialize(_body, ErrorDtoContext.Default.ErrorDocument);
            var code = document?.Data?.FirstOrDefault()?.Attributes?.Code;
            return code is not null && BaselineCodes.Dictionary.TryGetValue(code, out var parsed) ? parsed : DatoCmsErrorCode.Unknown;
        }
        catch (JsonException)
        {
            return DatoCmsErrorCode.Unknown;
        }
    }

    [Benchmark]
    public DatoCmsApiException GeneratedFromResponseString() => DatoCmsApiException.FromResponse(_status, _body);

    [Benchmark]
    public DatoCmsApiException GeneratedFromResponseUtf8() => DatoCmsApiException.FromResponse(_status, _utf8);
}

public sealed class ErrorDocument
{
    [JsonPropertyName("data")]
    public List<ErrorDto>? Data { get; set; }
}

public sealed class ErrorDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("attributes")]
    public ErrorAttributesDto? Attributes { get; set; }
}

public sealed class ErrorAttributesDto
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("doc_url")]
    public string? DocUrl { get; set; }

    [JsonPropertyName("details")]
    public JsonElement Details { get; set; }

    [JsonPropertyName("transient")]
    public bool? Transient { get; set; }
}

/// <summary>Source-generated serialization: the fastest JsonSerializer a user would reasonably write.</summary>
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class ErrorDtoContext : JsonSerializerContext
{
}
