namespace DatoCms.ErrorCodes.Generators.Model;

/// <summary>The whole spec after parsing and validation: the only input the emitters read.</summary>
internal sealed record ErrorSpec(
    string DocsUrl,
    EquatableArray<ErrorCodeModel> Codes,
    EquatableArray<string> Families,
    EquatableArray<LimitModel> Limits);
