using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Analyzers;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// DATO001 fixes, one provider with two actions so that Fix All is the same whichever diagnostic
/// comes first: <see cref="AddCasesKey"/> adds one switch section listing every missing transient
/// code that rethrows (switch statements), or one arm that throws (switch expressions outside a catch); <see cref="AddGuardKey"/> puts <c>if (ex.IsTransient) throw;</c>
/// (or <c>code.IsTransient()</c>) right before the statement that holds the switch, in the same
/// function. Neither is offered where there is nothing to rethrow.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TransientSwitchCodeFix))]
public sealed class TransientSwitchCodeFix : DatoCmsCodeFixProvider
{
    /// <summary>Identifies the "add the missing transient cases" action for Fix All.</summary>
    public const string AddCasesKey = "DATO001.AddMissingTransientCases";

    /// <summary>Identifies the "add an IsTransient guard" action for Fix All.</summary>
    public const string AddGuardKey = "DATO001.AddIsTransientGuard";

    /// <summary>The guard first: it fits switch statements and expressions alike.</summary>
    private protected override ImmutableArray<string> EquivalenceKeys { get; } = ImmutableArray.Create(AddGuardKey, AddCasesKey);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.TransientCodesNotHandledInSwitch.Id);

    private protected override void RegisterFixes(FixSite site)
    {
        var switchNode = site.Node.FirstAncestorOrSelf<SyntaxNode>(n => n is SwitchStatementSyntax or SwitchExpressionSyntax);
        var value = switchNode switch
        {
            SwitchStatementSyntax statement => statement.Expression,
            SwitchExpressionSyntax expression => expression.GoverningExpression,
            _ => null,
        };
        if (switchNode is null || value is null)
        {
            return;
        }

        // The guard first: it fits switch statements and expressions alike, so a client that takes
        // the first action for Fix All (dotnet format) fixes every kind of site.
        var guarded = OfferGuard(site, switchNode, value);
        if (switchNode is SwitchStatementSyntax switchStatement)
        {
            OfferCases(site, switchStatement);
        }
        else if (switchNode is SwitchExpressionSyntax switchExpression)
        {
            // Where no guard can go (an expression-bodied member), the arm is this site's default
            // action, under the guard's key: dotnet format takes the key of the first action of the
            // first diagnostic it meets, and a site whose first action had the cases' key would
            // turn the whole run into a cases run, depending on the order of the diagnostics.
            OfferArm(site, switchExpression, guarded ? AddCasesKey : AddGuardKey);
        }
    }

    /// <summary>
    /// A switch expression gets one arm that lists the missing transient codes and throws the
    /// exception the code is read from (<c>A or B =&gt; throw ex</c>), before the arm that takes the rest. Only
    /// outside a catch: there an arm could only throw the caught exception anew (<c>throw;</c> is no
    /// expression), which loses its stack trace.
    /// </summary>
    private static void OfferArm(FixSite site, SwitchExpressionSyntax switchExpression, string equivalenceKey)
    {
        if (!site.Diagnostic.Properties.TryGetValue(TransientSwitchAnalyzer.MissingCodesProperty, out var missing) || string.IsNullOrEmpty(missing)
            || RethrowSyntax.IsInsideCatch(switchExpression)
            || RethrowSyntax.For(switchExpression, SwitchValue.Receivers(switchExpression.GoverningExpression), site.Model) is not { Expression: { } thrown })
        {
            return;
        }

        var typeName = SwitchValue.EnumTypeName(switchExpression, switchExpression.GoverningExpression, site.Model);
        var members = missing!.Split(',');
        site.Offer("Add the missing transient cases", equivalenceKey, switchExpression, () =>
        {
            // More than two codes go one per line, each 'or' a level deeper than the arms (a project
            // on the shipped spec has sixteen transient codes: one line would run off the screen);
            // the formatter adds the arm's own indentation to the four spaces.
            var lineEnd = switchExpression.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var orToken = members.Length > 2
                ? SyntaxFactory.Token(SyntaxFactory.TriviaList(lineEnd.IsKind(SyntaxKind.EndOfLineTrivia) ? lineEnd : SyntaxFactory.EndOfLine("\n"), SyntaxFactory.Whitespace("    ")), SyntaxKind.OrKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))
                : SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.OrKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            var pattern = members
                .Select(member => (PatternSyntax)SyntaxFactory.ConstantPattern(SyntaxFactory.ParseExpression(typeName + "." + member)))
                .Aggregate((left, right) => SyntaxFactory.BinaryPattern(SyntaxKind.OrPattern, left, orToken, right));
            var arm = SyntaxFactory.SwitchExpressionArm(
                pattern,
                null,
                SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsGreaterThanToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                SyntaxFactory.ThrowExpression(thrown.WithoutTrivia()));
            // Before the arm that takes everything left (`_`, `var other`): after it the new arm could never match.
            var catchAll = switchExpression.Arms.IndexOf(a => a.Pattern is DiscardPatternSyntax or VarPatternSyntax && a.WhenClause is null);
            var arms = catchAll >= 0 ? switchExpression.Arms.Insert(catchAll, arm) : switchExpression.Arms.Add(arm);
            return switchExpression.WithArms(arms).WithAdditionalAnnotations(Formatter.Annotation);
        });
    }

    private static void OfferCases(FixSite site, SwitchStatementSyntax switchStatement)
    {
        if (!site.Diagnostic.Properties.TryGetValue(TransientSwitchAnalyzer.MissingCodesProperty, out var missing) || string.IsNullOrEmpty(missing)
            || RethrowSyntax.For(switchStatement, SwitchValue.Receivers(switchStatement.Expression), site.Model) is not { } rethrow)
        {
            return;
        }

        var typeName = SwitchValue.EnumTypeName(switchStatement, switchStatement.Expression, site.Model);
        var members = missing!.Split(',');
        site.Offer("Add the missing transient cases", AddCasesKey, switchStatement, () =>
        {
            var labels = members.Select(member => (SwitchLabelSyntax)SyntaxFactory.CaseSwitchLabel(SyntaxFactory.ParseExpression(typeName + "." + member)));
            var section = SyntaxFactory.SwitchSection(SyntaxFactory.List(labels), SyntaxFactory.SingletonList<StatementSyntax>(rethrow)).WithAdditionalAnnotations(Formatter.Annotation);
            var defaultIndex = switchStatement.Sections.IndexOf(s => s.Labels.Any(l => l is DefaultSwitchLabelSyntax || l is CasePatternSwitchLabelSyntax { Pattern: DiscardPatternSyntax }));
            var sections = defaultIndex >= 0 ? switchStatement.Sections.Insert(defaultIndex, section) : switchStatement.Sections.Add(section);
            return switchStatement.WithSections(sections);
        });
    }

    /// <returns>Whether the guard was offered.</returns>
    private static bool OfferGuard(FixSite site, SyntaxNode switchNode, ExpressionSyntax value)
    {
        if (StatementInsertion.EnclosingStatement(switchNode) is not { } statement || !StatementInsertion.CanInsertBefore(statement))
        {
            return false;
        }

        var receiver = SwitchValue.CodeReceiver(value);
        if (RethrowSyntax.For(statement, SwitchValue.Receivers(value), site.Model) is not { } rethrow
            || Condition(site.Model, statement.SpanStart, value, receiver) is not { } condition)
        {
            return false;
        }

        site.Offer("Add an IsTransient guard", AddGuardKey, _ =>
        {
            var guard = SyntaxFactory.IfStatement(condition, rethrow);
            return System.Threading.Tasks.Task.FromResult(site.Document.WithSyntaxRoot(StatementInsertion.InsertBefore(site.Root, statement, guard)));
        });
        return true;
    }

    /// <summary>
    /// <c>ex.IsTransient</c> when the code is read from something that has the property (directly, or
    /// through <c>ex.Errors.FirstOrDefault()?.Code</c>), else
    /// <c>code.IsTransient()</c> (<c>code?.IsTransient() == true</c> for a nullable code); null
    /// unless the condition binds to a bool at the guard's place (checked speculatively, so the
    /// model is only asked about text placed in the document's own context).
    /// </summary>
    private static ExpressionSyntax? Condition(SemanticModel model, int position, ExpressionSyntax value, ExpressionSyntax? receiver)
    {
        var candidates = new System.Collections.Generic.List<string>();
        if (receiver is not null)
        {
            candidates.Add(Operand(receiver) + "." + GeneratedNames.Members.IsTransient);
        }

        // ex.Errors.FirstOrDefault()?.Code: ex.IsTransient covers the first error's code, and is the
        // check DATO001 knows; only plain names, so the guard calls nothing the switch did not.
        candidates.AddRange(SwitchValue.Receivers(value).Where(RethrowSyntax.IsPlainName).Select(r => Operand(r) + "." + GeneratedNames.Members.IsTransient));

        var isNullable = model.GetTypeInfo(value).Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        candidates.Add(isNullable ? Operand(value) + "?." + GeneratedNames.Members.IsTransient + "() == true" : Operand(value) + "." + GeneratedNames.Members.IsTransient + "()");

        foreach (var text in candidates)
        {
            var condition = SyntaxFactory.ParseExpression(text);
            var type = model.GetSpeculativeTypeInfo(position, condition, SpeculativeBindingOption.BindAsExpression).Type;
            if (type?.SpecialType == SpecialType.System_Boolean)
            {
                return condition;
            }
        }

        return null;
    }

    /// <summary>The expression's text, parenthesised unless a member access can follow it directly.</summary>
    private static string Operand(ExpressionSyntax expression)
    {
        var text = expression.WithoutTrivia().ToString();
        return expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ConditionalAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax
            ? text
            : "(" + text + ")";
    }
}
