using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO001 fix: adds one switch section that lists every missing transient code, before the
/// default section, and rethrows. Offered where there is something to rethrow.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingTransientCasesCodeFix))]
public sealed class AddMissingTransientCasesCodeFix : CodeFixProvider
{
    /// <summary>Identifies this fix for Fix All.</summary>
    public const string EquivalenceKey = "DATO001.AddMissingTransientCases";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.TransientCodesNotHandledInSwitch.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan) is not SwitchStatementSyntax switchStatement
                || !diagnostic.Properties.TryGetValue(TransientSwitchAnalyzer.MissingCodesProperty, out var missing) || string.IsNullOrEmpty(missing)
                || RethrowSyntax.For(switchStatement, SwitchValue.CodeReceiver(switchStatement.Expression), model) is not { } rethrow)
            {
                continue;
            }

            var typeName = SwitchValue.EnumTypeName(switchStatement, switchStatement.Expression, model);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add the missing transient cases",
                    ct => AddSectionAsync(context.Document, switchStatement, typeName, missing!.Split(','), rethrow, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddSectionAsync(Document document, SwitchStatementSyntax switchStatement, string typeName, string[] members, StatementSyntax rethrow, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var labels = members.Select(member => (SwitchLabelSyntax)SyntaxFactory.CaseSwitchLabel(SyntaxFactory.ParseExpression(typeName + "." + member)));
        var section = SyntaxFactory.SwitchSection(SyntaxFactory.List(labels), SyntaxFactory.SingletonList(rethrow)).WithAdditionalAnnotations(Formatter.Annotation);

        var defaultIndex = switchStatement.Sections.IndexOf(s => s.Labels.Any(l => l is DefaultSwitchLabelSyntax || l is CasePatternSwitchLabelSyntax { Pattern: DiscardPatternSyntax }));
        var sections = defaultIndex >= 0 ? switchStatement.Sections.Insert(defaultIndex, section) : switchStatement.Sections.Add(section);
        var updated = root!.ReplaceNode(switchStatement, switchStatement.WithSections(sections));
        return await Formatter.FormatAsync(document.WithSyntaxRoot(updated), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
