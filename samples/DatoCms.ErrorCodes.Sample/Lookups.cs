using DatoCms.ErrorCodes;

/// <summary>Shows what parsing and the look-ups return for a few inputs, including unknown ones.</summary>
internal static class Lookups
{
    public static void Show(string apiCode)
    {
        if (!DatoCmsErrorCodes.TryParse(apiCode, out var code))
        {
            Console.WriteLine($"  {apiCode}: not a code of this spec (parsed as {code}); handle it as a generic API error");
            return;
        }

        Console.WriteLine($"  {apiCode} -> DatoCmsErrorCode.{code}: transient={code.IsTransient()}, retry={code.GetRetryKind()}, family={code.GetFamily()}");
        Console.WriteLine($"    {code.GetSummary()}");
        Console.WriteLine($"    {code.GetDocUrl()}");
    }

    public static void ShowUtf8(ReadOnlySpan<byte> utf8Code)
    {
        var parsed = DatoCmsErrorCodes.TryParseUtf8(utf8Code, out var code);
        Console.WriteLine($"  UTF-8 bytes of a JSON value -> parsed={parsed}, code={code}, transient={code.IsTransient()}");
    }
}
