using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DatoCms.ErrorCodes.CodeFixes;

/// <summary>One diagnostic to fix: its document, root, semantic model and the node it marks.</summary>
internal sealed class FixSite
{
    private readonly CodeFixContext _context;

    public FixSite(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, SyntaxNode node)
    {
        _context = context;
        Diagnostic = diagnostic;
        Root = root;
        Model = model;
        Node = node;
    }

    public Document Document => _context.Document;

    public Diagnostic Diagnostic { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    /// <summary>The innermost node that holds the diagnostic's span.</summary>
    public SyntaxNode Node { get; }

    public CancellationToken CancellationToken => _context.CancellationToken;

    /// <summary>Offers an action that replaces one node of the root with another.</summary>
    public void Offer(string title, string equivalenceKey, SyntaxNode oldNode, Func<SyntaxNode> newNode) =>
        Offer(title, equivalenceKey, _ => Task.FromResult(Document.WithSyntaxRoot(Root.ReplaceNode(oldNode, newNode()))));

    /// <summary>
    /// Offers an action. If computing its change throws, the action changes nothing, so a Fix All
    /// that includes this site still fixes all the others.
    /// </summary>
    public void Offer(string title, string equivalenceKey, Func<CancellationToken, Task<Document>> change)
    {
        var document = Document;
        _context.RegisterCodeFix(
            CodeAction.Create(
                title,
                async cancellationToken =>
                {
                    try
                    {
                        return await change(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        return document;
                    }
                },
                equivalenceKey),
            Diagnostic);
    }
}
