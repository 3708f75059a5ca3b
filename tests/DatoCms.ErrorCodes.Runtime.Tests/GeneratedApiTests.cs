using System;
using System.Linq;
using System.Text;

namespace DatoCms.ErrorCodes.Runtime.Tests;

/// <summary>Calls the generated API for our shipped spec and checks it against the spec files.</summary>
public class GeneratedApiTests
{
    [Fact]
    public void EveryPageCodeIsAMemberInPageOrderThenTheOverlaysOwnCodes()
    {
        Assert.Equal(ShippedSpec.AllCodes, DatoCmsErrorCodes.All.Select(c => c.ToApiString()));
        Assert.Equal(DatoCmsErrorCodes.Count, ShippedSpec.AllCodes.Count);
        Assert.Equal(98, ShippedSpec.PageCodes.Count);
        Assert.Equal(new[] { "ACTIVE_EDITING_SESSIONS", "BATCH_DATA_VALIDATION_IN_PROGRESS" }, ShippedSpec.OverlayDefinedCodes);
        Assert.Equal(100, DatoCmsErrorCodes.Count);
        Assert.DoesNotContain(DatoCmsErrorCode.Unknown, DatoCmsErrorCodes.All);
        Assert.Equal(DatoCmsErrorCodes.All.Count + 1, Enum.GetValues<DatoCmsErrorCode>().Length);
    }

    [Fact]
    public void EveryCodeRoundTripsThroughEveryParser()
    {
        foreach (var code in DatoCmsErrorCodes.All)
        {
            var api = code.ToApiString();

            Assert.True(DatoCmsErrorCodes.TryParse(api, out var fromString), api);
            Assert.True(DatoCmsErrorCodes.TryParse(api.AsSpan(), out var fromSpan), api);
            Assert.True(DatoCmsErrorCodes.TryParseUtf8(Encoding.UTF8.GetBytes(api), out var fromUtf8), api);
            Assert.Equal((code, code, code), (fromString, fromSpan, fromUtf8));
        }
    }

    [Fact]
    public void TransientSetEqualsTheOverlays()
    {
        var expected = ShippedSpec.OverlayCodes.Where(c => c.Value.Retry is "backoff" or "rate-limit").Select(c => c.Key).OrderBy(c => c, StringComparer.Ordinal);

        Assert.Equal(expected, DatoCmsErrorCodes.TransientCodes.Select(c => c.ToApiString()).OrderBy(c => c, StringComparer.Ordinal));
        Assert.Equal(expected, DatoCmsErrorCodes.All.Where(c => c.IsTransient()).Select(c => c.ToApiString()).OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void RetryKindAndFamilyMatchTheOverlay()
    {
        foreach (var code in DatoCmsErrorCodes.All)
        {
            var (retry, family) = ShippedSpec.OverlayCodes[code.ToApiString()];

            Assert.Equal(retry.Replace("-", string.Empty), code.GetRetryKind().ToString(), ignoreCase: true);
            Assert.Equal(family.Replace("-", string.Empty), code.GetFamily().ToString(), ignoreCase: true);
        }
    }

    [Fact]
    public void TransientMembersCarryTheAttributeAnalyzersRead()
    {
        foreach (var code in DatoCmsErrorCodes.All)
        {
            var attribute = typeof(DatoCmsErrorCode).GetField(code.ToString())!.GetCustomAttributes(typeof(DatoCmsTransientAttribute), false).Cast<DatoCmsTransientAttribute>().SingleOrDefault();

            Assert.Equal(code.IsTransient(), attribute is not null);
            if (attribute is not null)
            {
                Assert.Equal(code.GetRetryKind(), attribute.RetryKind);
            }
        }
    }

    [Theory]
    // The generated types are internal, so the expectations are passed as names.
    [InlineData("RATE_LIMIT_EXCEEDED", nameof(DatoCmsErrorCode.RateLimitExceeded), nameof(DatoCmsRetryKind.RateLimit), true)]
    [InlineData("STALE_ITEM_VERSION", nameof(DatoCmsErrorCode.StaleItemVersion), nameof(DatoCmsRetryKind.Refresh), false)]
    [InlineData("ITEM_LOCKED", nameof(DatoCmsErrorCode.ItemLocked), nameof(DatoCmsRetryKind.Backoff), true)]
    [InlineData("INVALID_FIELD", nameof(DatoCmsErrorCode.InvalidField), nameof(DatoCmsRetryKind.None), false)]
    [InlineData("EXCEPTION", nameof(DatoCmsErrorCode.UnexpectedServerError), nameof(DatoCmsRetryKind.None), false)]
    [InlineData("ACTIVE_EDITING_SESSIONS", nameof(DatoCmsErrorCode.ActiveEditingSessions), nameof(DatoCmsRetryKind.Backoff), true)]
    [InlineData("BATCH_DATA_VALIDATION_IN_PROGRESS", nameof(DatoCmsErrorCode.BatchDataValidationInProgress), nameof(DatoCmsRetryKind.Backoff), true)]
    public void KnownCodesHaveTheirClassification(string api, string expected, string retry, bool transient)
    {
        Assert.True(DatoCmsErrorCodes.TryParse(api, out var code));
        Assert.Equal(expected, code.ToString());
        Assert.Equal(retry, code.GetRetryKind().ToString());
        Assert.Equal(transient, code.IsTransient());
    }

    [Theory]
    [InlineData("")]
    [InlineData("item_locked")]
    [InlineData("ITEM_LOCKED ")]
    [InlineData(" ITEM_LOCKED")]
    [InlineData("ITEM_LOCKEDX")]
    [InlineData("ITEM_LOCKE")]
    [InlineData("UNKNOWN")]
    [InlineData("Unknown")]
    [InlineData("ItemLocked")]
    [InlineData("SOME_CODE_THE_API_ADDS_NEXT_YEAR")]
    [InlineData("A_CODE_LONGER_THAN_ANY_CODE_IN_THE_SPEC_SO_THE_UTF8_PARSER_REJECTS_IT_EARLY")]
    public void UnknownStringsDoNotParse(string value)
    {
        Assert.False(DatoCmsErrorCodes.TryParse(value, out var fromString));
        Assert.False(DatoCmsErrorCodes.TryParse(value.AsSpan(), out var fromSpan));
        Assert.False(DatoCmsErrorCodes.TryParseUtf8(Encoding.UTF8.GetBytes(value), out var fromUtf8));
        Assert.Equal((DatoCmsErrorCode.Unknown, DatoCmsErrorCode.Unknown, DatoCmsErrorCode.Unknown), (fromString, fromSpan, fromUtf8));
    }

    [Fact]
    public void NullDoesNotParse()
    {
        Assert.False(DatoCmsErrorCodes.TryParse((string?)null, out var code));
        Assert.Equal(DatoCmsErrorCode.Unknown, code);
    }

    [Fact]
    public void NonAsciiUtf8DoesNotParse()
    {
        var bytes = Encoding.UTF8.GetBytes("ITEM_LOCKÉD");
        var sameLengthHighBit = Encoding.UTF8.GetBytes("ITEM_LOCKED");
        sameLengthHighBit[^1] |= 0x80;

        Assert.False(DatoCmsErrorCodes.TryParseUtf8(bytes, out _));
        Assert.False(DatoCmsErrorCodes.TryParseUtf8(sameLengthHighBit, out var code));
        Assert.Equal(DatoCmsErrorCode.Unknown, code);
    }

    [Fact]
    public void UnknownHasSafeMetadata()
    {
        var info = DatoCmsErrorCode.Unknown.GetInfo();

        Assert.Equal("UNKNOWN", info.ApiCode);
        Assert.False(info.IsTransient);
        Assert.Equal(DatoCmsRetryKind.None, info.RetryKind);
        Assert.Equal(DatoCmsErrorFamily.Unknown, info.Family);
        Assert.Equal(DatoCmsErrorCodes.DocsUrl, info.DocUrl);
        Assert.False(string.IsNullOrWhiteSpace(info.Summary));
        Assert.Equal("UNKNOWN", ((DatoCmsErrorCode)12345).ToApiString());
    }

    [Fact]
    public void EveryCodeHasDescriptionSummaryAndDocLink()
    {
        foreach (var code in DatoCmsErrorCodes.All)
        {
            var info = code.GetInfo();

            Assert.Equal(code, info.Code);
            Assert.Equal(ShippedSpec.DocsUrl + "#" + info.ApiCode, info.DocUrl);
            Assert.False(string.IsNullOrWhiteSpace(info.Description), info.ApiCode);
            Assert.False(string.IsNullOrWhiteSpace(info.Summary), info.ApiCode);
            Assert.StartsWith(info.Summary.TrimEnd('.'), info.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("`", info.Description);
            Assert.DoesNotContain("**", info.Description);
            Assert.DoesNotContain("](", info.Description);
            Assert.DoesNotContain("\\_", info.Description);
            Assert.Equal(info.ApiCode, info.ToString());
        }
    }

    [Fact]
    public void InfoIsAValueComparedByCode()
    {
        Assert.Equal(DatoCmsErrorCode.ItemLocked.GetInfo(), new DatoCmsErrorInfo(DatoCmsErrorCode.ItemLocked));
        Assert.True(DatoCmsErrorCode.ItemLocked.GetInfo() == new DatoCmsErrorInfo(DatoCmsErrorCode.ItemLocked));
        Assert.True(DatoCmsErrorCode.ItemLocked.GetInfo() != DatoCmsErrorCode.NotFound.GetInfo());
        Assert.False(DatoCmsErrorCode.ItemLocked.GetInfo().Equals((object)"ITEM_LOCKED"));
    }

    [Fact]
    public void ListsCannotBeModifiedByCallers()
    {
        Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<DatoCmsErrorCode>)DatoCmsErrorCodes.All)[0] = DatoCmsErrorCode.Unknown);
    }

    [Fact]
    public void LimitsComeFromTheOverlay()
    {
        Assert.Equal(60, DatoCmsLimits.RequestsPerWindow);
        Assert.Equal(TimeSpan.FromSeconds(3), DatoCmsLimits.RateLimitWindow);
        Assert.Equal(300, DatoCmsLimits.MaxRecordSizeKilobytes);
        Assert.Equal(600, DatoCmsLimits.MaxBlocksPerRecord);
        Assert.Equal(6, DatoCmsLimits.MaxBlockNestingDepth);
        Assert.Equal(1, DatoCmsLimits.ConcurrentEditorsPerRecord);
        Assert.Equal(1, DatoCmsLimits.MaxAssetSizeGigabytes);
        Assert.Equal(200, DatoCmsLimits.MaxOperationsPerBatch);
        Assert.Equal(("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"), (DatoCmsLimits.RateLimitLimitHeader, DatoCmsLimits.RateLimitRemainingHeader, DatoCmsLimits.RateLimitResetHeader));
    }

    [Fact]
    public void LookupsDoNotAllocate()
    {
        var bytes = Encoding.UTF8.GetBytes("USE_SEARCH_INDEX_ID_INSTEAD_OF_BUILD_TRIGGER_ID");
        Warm();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Warm();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Warm()
        {
            DatoCmsErrorCodes.TryParse("ITEM_LOCKED", out var a);
            DatoCmsErrorCodes.TryParse("ITEM_LOCKED".AsSpan(), out _);
            DatoCmsErrorCodes.TryParseUtf8(bytes, out var b);
            _ = a.ToApiString().Length + a.GetSummary().Length + a.GetDescription().Length + a.GetDocUrl().Length + b.GetInfo().ApiCode.Length;
            _ = a.IsTransient() | a.GetRetryKind() == DatoCmsRetryKind.None | a.GetFamily() == DatoCmsErrorFamily.Unknown;
        }
    }

    [Fact]
    public void SystemTextJsonReadsAndWritesTheApiString()
    {
        var options = new System.Text.Json.JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

        Assert.Equal("\"ITEM_LOCKED\"", System.Text.Json.JsonSerializer.Serialize(DatoCmsErrorCode.ItemLocked, options));
        Assert.Equal(DatoCmsErrorCode.UnexpectedServerError, System.Text.Json.JsonSerializer.Deserialize<DatoCmsErrorCode>("\"EXCEPTION\"", options));
    }

    [Fact]
    public void EveryMemberCarriesItsApiStringAsEnumMember()
    {
        foreach (var code in DatoCmsErrorCodes.All)
        {
            var attribute = typeof(DatoCmsErrorCode).GetField(code.ToString())!.GetCustomAttributes(typeof(System.Runtime.Serialization.EnumMemberAttribute), false).Cast<System.Runtime.Serialization.EnumMemberAttribute>().Single();

            Assert.Equal(code.ToApiString(), attribute.Value);
        }
    }
}
