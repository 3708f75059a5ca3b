using System;
using System.Collections.Generic;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using DatoCms.ErrorCodes.Generators.SpecParsing;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Gives each code its member of <c>DatoCmsErrorCode</c> and its exception type, once, so the
/// emitters only print them. Owns DATO104 (two codes, one name), DATO105 (a name from the overlay
/// that is not an identifier) and DATO119 (an exception name .NET already uses).
/// </summary>
internal sealed class NameAllocator
{
    private readonly Dictionary<string, string> _memberOwners = new(StringComparer.Ordinal) { [GeneratedNames.UnknownMember] = "the Unknown member" };
    private readonly Dictionary<string, string> _exceptionOwners = GeneratedNames.Reserved.ToDictionary(name => name, name => "the generated type " + name, StringComparer.Ordinal);

    /// <summary>False when a name is taken (reported): the code is then left out.</summary>
    public bool TryAllocate(string code, SourceSpan heading, Classification? classification, List<DiagnosticInfo> diagnostics, out string member, out string exception)
    {
        var defaultMember = CSharpNames.ToPascalCase(code);
        member = Choose(classification?.MemberName, defaultMember, code, diagnostics);
        var defaultException = member.EndsWith("Exception", StringComparison.Ordinal) ? member : member + "Exception";
        exception = Choose(classification?.ExceptionName, defaultException, code, diagnostics);
        if (FrameworkExceptionNames.IsCommon(exception))
        {
            var renamed = "DatoCms" + exception;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ExceptionNameTakenByFramework, classification?.ExceptionName?.Span ?? heading, code, exception, renamed));
            exception = renamed;
        }

        if (_memberOwners.TryGetValue(member, out var memberOwner))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, classification?.MemberName?.Span ?? heading, code, member, memberOwner));
            return false;
        }

        if (_exceptionOwners.TryGetValue(exception, out var exceptionOwner))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameClash, classification?.ExceptionName?.Span ?? heading, code, exception, exceptionOwner));
            return false;
        }

        _memberOwners.Add(member, code);
        _exceptionOwners.Add(exception, code);
        return true;
    }

    private static string Choose(YamlScalar? requested, string fallback, string code, List<DiagnosticInfo> diagnostics)
    {
        if (requested is null)
        {
            return fallback;
        }

        var problem = CSharpNames.Problem(requested.Value);
        if (problem is null)
        {
            return requested.Value;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName, requested.Span, requested.Value, code, problem, fallback));
        return fallback;
    }
}
