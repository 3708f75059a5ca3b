using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>Every generated file, by hint name, in a fixed order.</summary>
internal static class SourceEmitter
{
    public static IEnumerable<(string HintName, string Source)> EmitAll(EmitContext context)
    {
        yield return (ErrorCodeEnumEmitter.HintName, ErrorCodeEnumEmitter.Emit(context));
        yield return (RetryKindEmitter.HintName, RetryKindEmitter.Emit(context));
        yield return (FamilyEmitter.HintName, FamilyEmitter.Emit(context));
        yield return (TransientAttributeEmitter.HintName, TransientAttributeEmitter.Emit(context));
        yield return (ErrorCodesEmitter.HintName, ErrorCodesEmitter.Emit(context));
        yield return (ParsingEmitter.HintName, ParsingEmitter.Emit(context));
        yield return (ErrorInfoEmitter.HintName, ErrorInfoEmitter.Emit(context));
        yield return (LimitsEmitter.HintName, LimitsEmitter.Emit(context));
    }
}
