using Microsoft.CodeAnalysis;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// A generated enum member and the API string its [EnumMember] gives it. A class rather than a
/// value tuple: an ImmutableArray of a value tuple is generic code that a fresh compiler process
/// compiles just in time (see <see cref="CodeValueList"/>).
/// </summary>
internal sealed class ApiCodeMember
{
    public ApiCodeMember(string apiCode, IFieldSymbol member)
    {
        ApiCode = apiCode;
        Member = member;
    }

    /// <summary>The code as the API writes it, for example <c>ITEM_LOCKED</c>.</summary>
    public string ApiCode { get; }

    /// <summary>The enum member.</summary>
    public IFieldSymbol Member { get; }

    public void Deconstruct(out string apiCode, out IFieldSymbol member)
    {
        apiCode = ApiCode;
        member = Member;
    }
}
