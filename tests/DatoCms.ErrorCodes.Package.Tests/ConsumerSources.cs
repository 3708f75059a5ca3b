namespace DatoCms.ErrorCodes.Package.Tests;

/// <summary>Consumer code shared by several scenarios.</summary>
internal static class ConsumerSources
{
    /// <summary>
    /// The generator does not emit the exception types yet; DATO002 (and DATO001 on <c>ex.Code</c>)
    /// look for DatoCmsApiException in the generated namespace, so consumers declare a stand-in
    /// with the members the analyzers read. Remove it once the generator emits the real one.
    /// </summary>
    public static string ExceptionStandIn(string ns, string accessibility) => $$"""
        namespace {{ns}}
        {
            {{accessibility}} class DatoCmsApiException : System.Exception
            {
                public DatoCmsErrorCode Code { get; set; }
            }
        }

        """;

    /// <summary>
    /// A switch that handles two codes and lets the transient ones fall into the default (DATO001
    /// when the scope option is 'all'), and a catch that only logs (DATO002). C# 7.3, so that a
    /// netstandard2.0 project compiles it with its default language version.
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
            }
        }

        """;
}
