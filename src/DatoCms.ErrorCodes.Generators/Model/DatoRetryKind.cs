namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>How a code may be retried; mirrors the generated <c>DatoCmsRetryKind</c>.</summary>
internal enum DatoRetryKind
{
    None = 0,
    Backoff = 1,
    RateLimit = 2,
    Refresh = 3,
}

internal static class DatoRetryKindNames
{
    public static bool TryParse(string value, out DatoRetryKind kind)
    {
        switch (value)
        {
            case "none": kind = DatoRetryKind.None; return true;
            case "backoff": kind = DatoRetryKind.Backoff; return true;
            case "rate-limit": kind = DatoRetryKind.RateLimit; return true;
            case "refresh": kind = DatoRetryKind.Refresh; return true;
            default: kind = DatoRetryKind.None; return false;
        }
    }

    /// <summary>Transient means the same request may succeed later without changing it.</summary>
    public static bool IsTransient(this DatoRetryKind kind) => kind is DatoRetryKind.Backoff or DatoRetryKind.RateLimit;
}
