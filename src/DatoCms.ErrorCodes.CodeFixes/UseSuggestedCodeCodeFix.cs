using System.Collections.Immutable;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO006 fix: replaces a misspelled code string, or a <c>nameof</c> of an enum member, with the
/// code the diagnostic suggests.
/// </summary>
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
        if (!site.Diagnostic.Properties.TryGetValue(CodeStringAnalyzer.SuggestionProperty, out var suggestion) || suggestion is null)
        {
            return;
        }

        // A string literal, or nameof(DatoCmsErrorCode.ItemLocked), whose C# name never equals the
        // API's code: both become the suggested code. A const is reported where it is used and is
        // left alone: its declaration may serve other purposes.
        var node = site.Node is ArgumentSyntax argument ? argument.Expression : site.Node;
        if (node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            || node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                && site.Model.GetConstantValue(nameOf, site.CancellationToken).HasValue)
        {
            site.Offer($"Use \"{suggestion}\"", EquivalenceKey, node, () =>
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)).WithTriviaFrom(node));
        }
    }
}
