using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// The opening every fix of this package shares: read the document's root and semantic model once,
/// find the node each diagnostic marks, and let the fix offer its actions for that site. A site
/// the fix cannot handle (or that makes it throw) simply gets no action: one odd site never takes
/// the other fixes, or a whole Fix All, down with it.
/// </summary>
public abstract class DatoCmsCodeFixProvider : CodeFixProvider
{
    private FixAllProvider? _fixAll;

    /// <summary>
    /// Fix All applies each site's own action and merges the edits, so it is the same at every
    /// scope; a client that names none of this provider's actions gets the default one (see
    /// <see cref="DefaultActionFixAllProvider"/>).
    /// </summary>
    public sealed override FixAllProvider GetFixAllProvider() => _fixAll ??= new DefaultActionFixAllProvider(EquivalenceKeys);

    /// <summary>
    /// The equivalence keys of every action this provider offers, the default first: the one that
    /// fits the most sites, which Fix All uses when the client names none of them.
    /// </summary>
    private protected abstract ImmutableArray<string> EquivalenceKeys { get; }

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (CurrentSpan(diagnostic.Location, root.SyntaxTree) is not { } span || !root.FullSpan.Contains(span))
            {
                continue;
            }

            try
            {
                var node = root.FindNode(span, getInnermostNodeForTie: true);
                RegisterFixes(new FixSite(context, diagnostic, root, model, node));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A shape this fix does not know: no action here, the other sites are unaffected.
            }
        }
    }

    /// <summary>
    /// Where the diagnostic's span is in the document as it is now. A client that applies the
    /// fixes of several rules in turn (dotnet format) may hand over a diagnostic computed on an
    /// earlier version of the document, whose span an earlier fix has moved: it is mapped through
    /// the edits since, or null when an edit touched it.
    /// </summary>
    private static TextSpan? CurrentSpan(Location location, SyntaxTree current)
    {
        var span = location.SourceSpan;
        if (location.SourceTree is not { } reported || reported == current)
        {
            return span;
        }

        var shift = 0;
        foreach (var change in current.GetChanges(reported))
        {
            if (change.Span.End <= span.Start)
            {
                shift += change.NewText!.Length - change.Span.Length;
            }
            else if (change.Span.Start < span.End)
            {
                return null;
            }
        }

        return new TextSpan(span.Start + shift, span.Length);
    }

    /// <summary>
    /// Offers this fix's actions for one diagnostic. Everything the fix needs from the semantic model
    /// is read here, from the document's own nodes; the actions only build syntax.
    /// </summary>
    private protected abstract void RegisterFixes(FixSite site);
}
