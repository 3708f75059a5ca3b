using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// Fix All for one provider: the batch fixer (each site's own action, edits merged, the same at
/// every scope), run with the equivalence key of one of the provider's actions.
/// <para>
/// An IDE passes the key of the action the user picked, which is kept. <c>dotnet format analyzers</c>
/// instead hands the provider the first diagnostic it found for the rule, asks for its first
/// action, and uses that action's key. That diagnostic may be another rule's (it keeps every id
/// of <c>--diagnostics</c> that the rule's analyzer reports: CodeStringAnalyzer reports DATO005
/// and DATO006), or a site the provider cannot fix; the key is then null, matches no action, and
/// the whole rule was skipped ("didn't return a Fix All action"), depending on the order in which
/// concurrent analysis listed the diagnostics. A key that is none of the provider's is read as
/// "the provider's default action", so such a client fixes every site the default action fits.
/// </para>
/// </summary>
internal sealed class DefaultActionFixAllProvider : FixAllProvider
{
    private readonly ImmutableArray<string> _keys;

    /// <param name="keys">The equivalence keys of the provider's actions; the first is the default.</param>
    public DefaultActionFixAllProvider(ImmutableArray<string> keys) => _keys = keys;

    /// <summary>The batch fixer's scopes (document, project, solution, and the containing member or type where the host offers them).</summary>
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

    /// <inheritdoc />
    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        // Only the three wide scopes are rebuilt: a containing member or type scope carries a span
        // that a new context would lose, and the hosts that ask for it (IDEs) name a known key.
        var known = fixAllContext.CodeActionEquivalenceKey is { } key && _keys.Contains(key);
        var context = known || fixAllContext.Scope is not (FixAllScope.Document or FixAllScope.Project or FixAllScope.Solution)
            ? fixAllContext
            : WithKey(fixAllContext, _keys[0]);
        return WellKnownFixAllProviders.BatchFixer.GetFixAsync(context);
    }

    private static FixAllContext WithKey(FixAllContext context, string key)
    {
        var diagnostics = new SameDiagnostics(context);
        return context.Document is { } document
            ? new FixAllContext(document, context.CodeFixProvider, context.Scope, key, context.DiagnosticIds, diagnostics, context.CancellationToken)
            : new FixAllContext(context.Project, context.CodeFixProvider, context.Scope, key, context.DiagnosticIds, diagnostics, context.CancellationToken);
    }

    /// <summary>The diagnostics the client's own context gives, so the new context fixes exactly the same sites.</summary>
    private sealed class SameDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _context;

        public SameDiagnostics(FixAllContext context) => _context = context;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            await _context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await _context.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await _context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
    }
}
