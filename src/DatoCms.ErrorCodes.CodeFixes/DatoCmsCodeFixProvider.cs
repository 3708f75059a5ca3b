using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>
/// The opening every fix of this package shares: read the document's root and semantic model once,
/// find the node each diagnostic marks, and let the fix offer its actions for that site. A site
/// the fix cannot handle (or that makes it throw) simply gets no action: one odd site never takes
/// the other fixes, or a whole Fix All, down with it.
/// </summary>
public abstract class DatoCmsCodeFixProvider : CodeFixProvider
{
    /// <summary>Fix All applies each site's own action and merges the edits, so it is the same at every scope.</summary>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            try
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                RegisterFixes(new FixSite(context, diagnostic, root, model, node));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A shape this fix does not know: no action here, the other sites are unaffected.
            }
        }
    }

    /// <summary>
    /// Offers this fix's actions for one diagnostic. Everything the fix needs from the semantic model
    /// is read here, from the document's own nodes; the actions only build syntax.
    /// </summary>
    private protected abstract void RegisterFixes(FixSite site);
}
