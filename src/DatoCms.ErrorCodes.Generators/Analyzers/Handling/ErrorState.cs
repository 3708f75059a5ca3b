namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// What the code at some point knows about the API error it holds, ordered from safe to risky:
/// dropping the error is fine in the first two states and a swallowed transient error in the last two.
/// </summary>
internal enum ErrorState
{
    /// <summary>It cannot be transient here (a permanent code's exception, a filter or branch that excludes transient errors).</summary>
    Never = 0,

    /// <summary>The author chose this transient error explicitly (a specific transient code or exception type, a branch on IsTransient).</summary>
    Deliberate = 1,

    /// <summary>Every transient error arrives here, and nothing else (a catch of the transient base, a filter on IsTransient).</summary>
    Only = 2,

    /// <summary>Any API error, transient or not.</summary>
    Maybe = 3,
}

internal static class ErrorStates
{
    /// <summary>The state after two paths meet: the riskier one.</summary>
    public static ErrorState Join(ErrorState a, ErrorState b) => a > b ? a : b;

    /// <summary>Whether dropping the error in this state loses a transient error nobody chose to drop.</summary>
    public static bool DropLosesTransient(ErrorState state) => state >= ErrorState.Only;
}
