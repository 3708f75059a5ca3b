namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>What the paths out of the point where an API error was caught or examined do with it.</summary>
internal sealed class HandlingVerdict
{
    public static readonly HandlingVerdict Unsure = new() { IsUnsure = true };

    /// <summary>We could not follow the paths (no graph, an unmatched region, too many paths): say nothing.</summary>
    public bool IsUnsure { get; private set; }

    /// <summary>Some path leaves with a possibly transient error neither propagated, stored for the caller, nor retried.</summary>
    public bool Drops { get; set; }

    /// <summary>Some path runs the failed call again without waiting first.</summary>
    public bool RetriesWithoutWait { get; set; }

    /// <summary>Some path runs the failed call again after a real wait.</summary>
    public bool RetriesAfterWait { get; set; }

    /// <summary>DATO004's question: the code retries, and no retry waits.</summary>
    public bool RetriesOnlyWithoutWait => !IsUnsure && RetriesWithoutWait && !RetriesAfterWait;
}
