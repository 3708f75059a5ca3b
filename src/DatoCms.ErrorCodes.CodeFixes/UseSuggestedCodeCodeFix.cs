using System.Collections.Immutable;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>DATO006 fix: replaces a misspelled code string with the closest code of the spec.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSuggestedCodeCodeFix))]
public sealed class UseSuggestedCodeCodeFix : DatoCmsCodeFixProvider
{
    /// <summary>Identifies this fix for Fix All.</summary>
    public const string EquivalenceKey = "DATO006.UseSuggestedCode";

    /// <inheritdoc />
    private protected override ImmutableArray<string> EquivalenceKeys { get; } = ImmutableArray.Create(EquivalenceKey);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.UnknownCodeLiteral.Id);

    private protected override void RegisterFixes(FixSite site)
    {
        if (site.Diagnostic.Properties.TryGetValue(CodeStringAnalyzer.SuggestionProperty, out var suggestion) && suggestion is not null
            && site.Node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            site.Offer($"Use \"{suggestion}\"", EquivalenceKey, literal, () =>
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(literal));
        }
    }
}
