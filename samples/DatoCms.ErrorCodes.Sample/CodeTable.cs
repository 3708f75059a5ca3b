using DatoCms.ErrorCodes;

/// <summary>Prints the generated metadata of every code as a table.</summary>
internal static class CodeTable
{
    public static void Print(IReadOnlyList<DatoCmsErrorCode> codes)
    {
        var codeWidth = codes.Max(c => c.ToApiString().Length);
        Console.WriteLine($"{"Code".PadRight(codeWidth)}  {"Retry",-9}  {"Family",-12}  Summary");
        Console.WriteLine($"{new string('-', codeWidth)}  {new string('-', 9)}  {new string('-', 12)}  {new string('-', 40)}");
        foreach (var code in codes)
        {
            var info = code.GetInfo();
            Console.WriteLine($"{info.ApiCode.PadRight(codeWidth)}  {info.RetryKind,-9}  {info.Family,-12}  {Shorten(info.Summary, 60)}");
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
