namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>Consumer code shared by several scenarios.</summary>
internal static class ConsumerSources
{
    /// <summary>
    /// A switch that handles two codes and lets the transient ones fall into the default (DATO001
    /// when the scope option is 'all'), and a catch that only logs (DATO002). C# 7.3, so that a
    /// netstandard2.0 project compiles it with its default language version; there the typed
    /// exceptions are not generated (they need C# 8 and System.Text.Json: DATO120), so the catch
    /// is compiled for .NET 8+ only.
    /// </summary>
    public static string Handling(string ns, string errorsNamespace, string accessibility) => $$"""
        using System;
        using {{errorsNamespace}};

        namespace {{ns}}
        {
            {{accessibility}} static class Handling
            {
                public static string Reaction(DatoCmsErrorCode code)
                {
                    switch (code)
                    {
                        case DatoCmsErrorCode.NotFound:
                            return "create it";
                        case DatoCmsErrorCode.InvalidField:
                            return "fix the payload";
                        default:
                            return "give up";
                    }
                }

        #if NET8_0_OR_GREATER
                public static void Publish(Action send)
                {
                    try
                    {
                        send();
                    }
                    catch (DatoCmsApiException ex)
                    {
                        Console.WriteLine("publishing failed: " + ex.Message);
                    }
                }
        #endif
            }
        }

        """;

    /// <summary>
    /// A switch over <c>ex.Code</c> that lets the transient codes fall into its default (DATO001)
    /// and a catch that only logs (DATO002), in namespace <paramref name="ns"/>.
    /// </summary>
    public static string Publisher(string ns) => $$"""
        using System;
        using DatoCms.ErrorCodes;

        namespace {{ns}}
        {
            internal static class Publisher
            {
                public static string Explain(DatoCmsApiException ex)
                {
                    switch (ex.Code)
                    {
                        case DatoCmsErrorCode.NotFound:
                            return "missing";
                        default:
                            return "failed";
                    }
                }

                public static void Publish(Action send)
                {
                    try
                    {
                        send();
                    }
                    catch (DatoCmsApiException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
        }

        """;
}
